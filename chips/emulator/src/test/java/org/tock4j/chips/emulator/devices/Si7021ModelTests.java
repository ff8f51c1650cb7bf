package org.tock4j.chips.emulator.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.devices.Si7021Model.ConversionTiming;
import org.tock4j.chips.emulator.devices.Si7021Model.Resolution;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.SensorValue;

/** The Si7021Model model driven byte by byte, as a controller on its bus would. */
class Si7021ModelTests {
    private static final long MS = 1_000_000;

    private final VirtualClock clock = new VirtualClock();
    private final SensorValue temperature = new SensorValue("temperature", "°C", 23.5, clock);
    private final SensorValue humidity = new SensorValue("humidity", "%RH", 45.0, clock);
    private final Si7021Model si7021 = new Si7021Model(clock, temperature, humidity);

    /** A write transaction: START, address + W, the bytes, STOP; whether every byte was acknowledged. */
    private boolean write(Si7021Model device, int... bytes) {
        boolean acked = device.start(false);
        for (int i = 0; acked && i < bytes.length; i++) {
            acked = device.write((byte) bytes[i]);
        }
        device.stop();
        return acked;
    }

    /** A read transaction of {@code count} bytes; null if the address was not acknowledged. */
    private int[] read(Si7021Model device, int count) {
        if (!device.start(true)) {
            device.stop();
            return null;
        }
        int[] bytes = new int[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = device.read() & 0xFF;
        }
        device.stop();
        return bytes;
    }

    private static int code(int[] bytes) {
        return bytes[0] << 8 | bytes[1];
    }

    @Test
    void answersItsFixedAddressOnABus() {
        I2cBus bus = new I2cBus("I2C2");
        bus.attach(si7021);
        assertThat(bus.device(0x40)).containsSame(si7021);
    }

    @Test
    void noHoldTemperatureNacksReadsUntilTheConversionEndsSevenMillisecondsLater() {
        assertThat(write(si7021, Si7021Model.MEASURE_TEMPERATURE_NO_HOLD_MASTER)).isTrue();

        clock.advanceTo(7 * MS - 1);
        assertThat(read(si7021, 2)).isNull();
        clock.advanceTo(7 * MS);
        int[] result = read(si7021, 3);

        assertThat(result).isNotNull();
        assertThat(Si7021Model.celsius(code(result))).isCloseTo(23.5, within(0.011));
        assertThat(result[1] & 0b11).as("a temperature LSB ends in 00").isZero();
        assertThat(result[2]).isEqualTo(Si7021Model.crc8(new int[] {result[0], result[1]}, 2));
    }

    @Test
    void theValueIsSampledWhenTheConversionEnds() {
        write(si7021, Si7021Model.MEASURE_TEMPERATURE_NO_HOLD_MASTER);
        clock.advanceTo(3 * MS);
        temperature.set(-10.0);
        clock.advanceTo(7 * MS);
        temperature.set(80.0);

        assertThat(Si7021Model.celsius(code(read(si7021, 2)))).isCloseTo(-10.0, within(0.011));
    }

    @Test
    void holdMasterAcknowledgesTheReadAndStretchesTheClockUntilTheResultIsReady() {
        write(si7021, Si7021Model.MEASURE_TEMPERATURE_HOLD_MASTER);
        clock.advanceTo(1 * MS);

        assertThat(si7021.start(true)).isTrue();
        assertThat(si7021.readStretchNs()).isEqualTo(6 * MS);
        clock.advanceTo(7 * MS);
        assertThat(si7021.readStretchNs()).isZero();
        int[] result = {si7021.read() & 0xFF, si7021.read() & 0xFF};
        si7021.stop();

        assertThat(Si7021Model.celsius(code(result))).isCloseTo(23.5, within(0.011));
    }

    @Test
    void aHumidityMeasurementIncludesATemperatureConversionAndLeavesItForCommandE0() {
        write(si7021, Si7021Model.MEASURE_RH_NO_HOLD_MASTER);
        clock.advanceTo(17 * MS - 1);
        assertThat(read(si7021, 2)).isNull();
        clock.advanceTo(17 * MS);
        int[] rh = read(si7021, 3);

        assertThat(Si7021Model.relativeHumidity(code(rh))).isCloseTo(45.0, within(0.04));
        assertThat(rh[1] & 0b11).as("an RH LSB ends in 10").isEqualTo(0b10);
        assertThat(rh[2]).isEqualTo(Si7021Model.crc8(new int[] {rh[0], rh[1]}, 2));

        assertThat(write(si7021, Si7021Model.READ_TEMPERATURE_FROM_PREVIOUS_RH)).isTrue();
        assertThat(Si7021Model.celsius(code(read(si7021, 2)))).isCloseTo(23.5, within(0.011));
    }

    @Test
    void maximumTimingTakesTheDatasheetsWorstCase() {
        Si7021Model slow = new Si7021Model(clock, temperature, humidity, ConversionTiming.MAXIMUM,
                Si7021Model.DEFAULT_ELECTRONIC_ID);
        write(slow, Si7021Model.MEASURE_RH_NO_HOLD_MASTER);

        clock.advanceTo(22_800_000 - 1);
        assertThat(read(slow, 2)).isNull();
        clock.advanceTo(22_800_000);
        assertThat(read(slow, 2)).isNotNull();
    }

    @Test
    void userRegisterOneSelectsTheResolutionAndItsConversionTime() {
        assertThat(write(si7021, Si7021Model.READ_USER_REGISTER_1)).isTrue();
        assertThat(read(si7021, 1)).containsExactly(0x3A);

        assertThat(write(si7021, Si7021Model.WRITE_USER_REGISTER_1, 0xFF)).isTrue();
        assertThat(si7021.userRegister1()).isEqualTo(0x3A | 0x85);
        assertThat(si7021.resolution()).isEqualTo(Resolution.RH_11_TEMPERATURE_11);

        write(si7021, Si7021Model.WRITE_USER_REGISTER_1, 0x01);
        assertThat(si7021.resolution()).isEqualTo(Resolution.RH_8_TEMPERATURE_12);
        write(si7021, Si7021Model.MEASURE_TEMPERATURE_NO_HOLD_MASTER);
        clock.advanceTo(2_400_000);
        int[] result = read(si7021, 2);
        assertThat(result).isNotNull();
        assertThat(code(result) & 0xF).as("12 significant bits").isZero();
    }

    @Test
    void resetRestoresTheRegistersAndIgnoresTheBusForFiveMilliseconds() {
        write(si7021, Si7021Model.WRITE_USER_REGISTER_1, 0x81);
        write(si7021, Si7021Model.WRITE_HEATER_CONTROL, 0x0A);
        assertThat(si7021.heaterControl()).isEqualTo(0x0A);

        assertThat(write(si7021, Si7021Model.RESET)).isTrue();
        assertThat(si7021.start(false)).isFalse();
        clock.advanceTo(5 * MS);

        assertThat(si7021.userRegister1()).isEqualTo(Si7021Model.USER_REGISTER_1_RESET);
        assertThat(write(si7021, Si7021Model.READ_HEATER_CONTROL)).isTrue();
        assertThat(read(si7021, 1)).containsExactly(0);
    }

    @Test
    void theElectronicIdComesInTwoAccessesWithChecksumsAndNamesAnSi7021() {
        Si7021Model device = new Si7021Model(clock, temperature, humidity, ConversionTiming.TYPICAL,
                0x0102_0304_1506_0708L);
        assertThat(write(device, 0xFA, 0x0F)).isTrue();
        int[] first = read(device, 8);
        assertThat(write(device, 0xFC, 0xC9)).isTrue();
        int[] second = read(device, 6);

        assertThat(new int[] {first[0], first[2], first[4], first[6]}).containsExactly(1, 2, 3, 4);
        assertThat(first[7]).isEqualTo(Si7021Model.crc8(new int[] {1, 2, 3, 4}, 4));
        assertThat(new int[] {second[0], second[1], second[3], second[4]}).containsExactly(0x15, 6, 7, 8);
        assertThat(second[2]).isEqualTo(Si7021Model.crc8(new int[] {0x15, 6}, 2));
        assertThat(second[5]).isEqualTo(Si7021Model.crc8(new int[] {0x15, 6, 7, 8}, 4));
    }

    @Test
    void anElectronicIdThatIsNotAnSi7021sIsRefused() {
        assertThatThrownBy(() -> new Si7021Model(clock, temperature, humidity, ConversionTiming.TYPICAL, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SNB_3");
    }

    @Test
    void theFirmwareRevisionIsVersionTwo() {
        assertThat(write(si7021, 0x84, 0xB8)).isTrue();
        assertThat(read(si7021, 1)).containsExactly(0x20);
    }

    @Test
    void undefinedCommandsWrongSecondBytesAndReadsWithNothingToSendAreNotAcknowledged() {
        assertThat(read(si7021, 1)).isNull();
        assertThat(write(si7021, 0x42)).isFalse();
        assertThat(write(si7021, 0xFA, 0x00)).isFalse();
        assertThat(write(si7021, Si7021Model.READ_USER_REGISTER_1, 0x00)).isFalse();
    }

    @Test
    void aWriteWhileConvertingIsNotAcknowledged() {
        write(si7021, Si7021Model.MEASURE_TEMPERATURE_NO_HOLD_MASTER);
        assertThat(si7021.isConverting()).isTrue();
        assertThat(si7021.start(false)).isFalse();
    }

    @Test
    void codesClampToSixteenBitsAtTheEndsOfTheRange() {
        assertThat(Si7021Model.temperatureCode(-100, 14)).isZero();
        assertThat(Si7021Model.temperatureCode(200, 14)).isEqualTo(0xFFFC);
        assertThat(Si7021Model.rhCode(150, 12)).isEqualTo(0xFFF2);
    }

    @Test
    void aChecksumAppendedToItsDataLeavesARemainderOfZero() {
        int[] data = {0x66, 0x4C, 0};
        data[2] = Si7021Model.crc8(data, 2);
        assertThat(Si7021Model.crc8(data, 3)).isZero();
    }
}
