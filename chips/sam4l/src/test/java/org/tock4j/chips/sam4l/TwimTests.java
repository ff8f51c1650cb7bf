package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tock4j.chips.sam4l.hardware.TwimModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.devices.Si7021Model;
import org.tock4j.chips.emulator.world.I2cDevice;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.i2c.I2cError;

class TwimTests {
    /** 400 kHz: a bit is 2.5 µs, a byte with its ACK 22.5 µs, START or STOP 2.5 µs. */
    private static final long BYTE_NS = 22_500;
    private static final long START_STOP_NS = 2_500;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final I2cHw i2c = chip.i2c(2);
    private final Sensor sensor = new Sensor();
    private final List<String> completions = new ArrayList<>();
    private final List<byte[]> buffers = new ArrayList<>();

    /** A register-pointer device, as most I2C sensors are: the first byte written sets the pointer. */
    private final class Sensor implements I2cDevice {
        final byte[] registers = new byte[256];
        final List<String> log = new ArrayList<>();
        int pointer;
        boolean expectPointer;
        int refuseAfter = Integer.MAX_VALUE;
        int written;

        @Override
        public int address() {
            return 0x40;
        }

        @Override
        public boolean start(boolean read) {
            log.add((read ? "R" : "W") + "@" + chip.clock().now());
            expectPointer = !read;
            return true;
        }

        @Override
        public boolean write(byte value) {
            if (written++ >= refuseAfter) {
                return false;
            }
            if (expectPointer) {
                pointer = value & 0xFF;
                expectPointer = false;
            } else {
                registers[pointer++ & 0xFF] = value;
            }
            return true;
        }

        @Override
        public byte read() {
            return registers[pointer++ & 0xFF];
        }

        @Override
        public void stop() {
            log.add("P@" + chip.clock().now());
        }
    }

    @BeforeEach
    void wire() {
        chip.i2cBus(2).attach(sensor);
        i2c.setMasterClient((buffer, status) -> {
            completions.add((status.isOk() ? "ok" : status.unwrapErr().toString()) + "@" + chip.clock().now());
            buffers.add(buffer);
        });
        i2c.enable();
    }

    @Test
    void enableProgramsTheWaveformFor400kHzFromTheSystemClock() {
        chip.pm().enableClock(Clock.Pba.TWIM2);
        int cwgr = chip.memory().read32(Sam4lMemoryMap.TWIM2_BASE + CWGR);
        assertThat(cwgr).isEqualTo(60 << 16 | 30 << 8 | 30); // EXP 0, STASTO 60, HIGH 30, LOW 30
    }

    @Test
    void i2cWriteReachesTheDeviceAt400kHz() {
        byte[] data = {0x10, 0x55, 0x66};
        assertThat(i2c.write(0x40, data, 3).isOk()).isTrue();

        board.runUntil(1_000_000);

        long end = START_STOP_NS + 4 * BYTE_NS + START_STOP_NS;
        assertThat(completions).containsExactly("ok@" + end);
        assertThat(buffers.get(0)).isSameAs(data);
        assertThat(sensor.registers[0x10]).isEqualTo((byte) 0x55);
        assertThat(sensor.registers[0x11]).isEqualTo((byte) 0x66);
        assertThat(sensor.log).containsExactly("W@" + (START_STOP_NS + BYTE_NS), "P@" + end);
    }

    @Test
    void writeReadSendsTheRegisterThenReadsAfterARepeatedStart() {
        sensor.registers[0x20] = 0x12;
        sensor.registers[0x21] = 0x34;
        byte[] buffer = {0x20, 0, 0};

        assertThat(i2c.writeRead(0x40, buffer, 1, 2).isOk()).isTrue();
        board.runUntil(1_000_000);

        long writeDone = START_STOP_NS + 2 * BYTE_NS;
        long readAddressed = writeDone + START_STOP_NS + BYTE_NS;
        long end = readAddressed + 2 * BYTE_NS + START_STOP_NS;
        assertThat(sensor.log).containsExactly("W@" + (START_STOP_NS + BYTE_NS), "R@" + readAddressed, "P@" + end);
        assertThat(completions).containsExactly("ok@" + end);
        assertThat(buffer[0]).isEqualTo((byte) 0x12);
        assertThat(buffer[1]).isEqualTo((byte) 0x34);
    }

    @Test
    void readReturnsTheDevicesBytes() {
        sensor.registers[0] = 7;
        sensor.registers[1] = 8;
        byte[] buffer = new byte[2];

        i2c.read(0x40, buffer, 2);
        board.runUntil(1_000_000);

        assertThat(buffer).containsExactly(7, 8);
        assertThat(completions).containsExactly("ok@" + (START_STOP_NS + 3 * BYTE_NS + START_STOP_NS));
    }

    @Test
    void anAddressNobodyAcknowledgesIsAnAddressNak() {
        byte[] data = {1, 2};
        i2c.write(0x51, data, 2);
        board.runUntil(1_000_000);

        // The NAK of the address byte raises ANAK at once; the STOP follows.
        assertThat(completions).containsExactly("AddressNak@" + (START_STOP_NS + BYTE_NS));
        assertThat(buffers.get(0)).isSameAs(data);
        assertThat(I2cError.AddressNak.toErrorCode()).isEqualTo(org.tock4j.kernel.ErrorCode.NOACK);
    }

    @Test
    void theNextTransferAfterANakWorksWithoutAnotherEnable() {
        i2c.write(0x51, new byte[] {1}, 1);
        board.runUntil(1_000_000);
        i2c.write(0x40, new byte[] {0x30, 9}, 2);
        board.runUntil(2_000_000);

        assertThat(completions).hasSize(2).last().asString().startsWith("ok@");
        assertThat(sensor.registers[0x30]).isEqualTo((byte) 9);
    }

    @Test
    void aWriteReadToAMissingDeviceEndsWithAnAddressNak() {
        byte[] buffer = {0x20, 0, 0};
        i2c.writeRead(0x52, buffer, 1, 2);
        board.runUntil(1_000_000);

        assertThat(completions).singleElement().satisfies(c -> assertThat(c).startsWith("AddressNak@"));
    }

    @Test
    void aRefusedByteIsADataNak() {
        sensor.refuseAfter = 1;
        i2c.write(0x40, new byte[] {0x10, 0x11, 0x12}, 3);
        board.runUntil(1_000_000);

        assertThat(completions).containsExactly("DataNak@" + (START_STOP_NS + 3 * BYTE_NS));
        assertThat(sensor.registers[0x10]).isZero();
    }

    @Test
    void i2c3HasNoDmaChannelSoItsTransfersAreNotSupportedAsInTock() {
        byte[] data = {1};
        Result<Void, I2cHw.RejectedBuffer> r = chip.i2c(3).write(0x40, data, 1);
        assertThat(r.unwrapErr()).isEqualTo(new I2cHw.RejectedBuffer(I2cError.NotSupported, data));
    }

    @Test
    void aTransferLongerThanNbytesCanCountIsRefused() {
        byte[] data = new byte[300];
        assertThat(i2c.write(0x40, data, 300).unwrapErr().error()).isEqualTo(I2cError.Overrun);
    }

    @Test
    void theTwimClockIsMaskedWhenNoInterruptIsEnabled() {
        i2c.write(0x40, new byte[] {0x10, 1}, 2);
        assertThat(chip.pm().isClockEnabled(Clock.Pba.TWIM2)).isTrue();
        board.runUntil(1_000_000);
        assertThat(completions).hasSize(1);
        assertThat(chip.pm().isClockEnabled(Clock.Pba.TWIM2)).isFalse();
    }

    @Test
    void theTwimStretchesTheClockUntilThePdcaSuppliesData() {
        chip.pm().enableClock(Clock.Pba.TWIM2);
        int base = Sam4lMemoryMap.TWIM2_BASE;
        chip.memory().write32(base + CMDR, 0x40 << CMD_SADR_SHIFT | CMD_START | CMD_STOP | CMD_VALID
                | 1 << CMD_NBYTES_SHIFT);
        chip.memory().write32(base + CR, CR_MEN);
        chip.clock().advanceTo(100_000);
        assertThat(sensor.log).hasSize(1); // addressed, then waiting for THR
        assertThat(chip.memory().read32(base + SR) & TXRDY).isEqualTo(TXRDY);

        chip.memory().write32(base + THR, 0x42);
        chip.clock().advanceTo(200_000);

        assertThat(sensor.pointer).isEqualTo(0x42);
        assertThat(chip.memory().read32(base + SR) & (CCOMP | BUSFREE)).isEqualTo(CCOMP | BUSFREE);
    }

    @Test
    void aDeviceStretchingTheClockDelaysEachByteItSendsByTheStretch() {
        long stretchNs = 50_000;
        chip.i2cBus(2).attach(new I2cDevice() {
            @Override
            public int address() {
                return 0x41;
            }

            @Override
            public boolean write(byte value) {
                return true;
            }

            @Override
            public byte read() {
                return 0x5A;
            }

            @Override
            public long readStretchNs() {
                return stretchNs;
            }
        });
        byte[] buffer = new byte[2];

        i2c.read(0x41, buffer, 2);
        board.runUntil(1_000_000);

        assertThat(buffer).containsExactly(0x5A, 0x5A);
        assertThat(completions).containsExactly(
                "ok@" + (START_STOP_NS + BYTE_NS + 2 * (stretchNs + BYTE_NS) + START_STOP_NS));
    }

    /** An Si7021 in the register sensor's place, measuring {@code celsius}. */
    private Si7021Model si7021(double celsius) {
        chip.i2cBus(2).detach(sensor);
        Si7021Model device = new Si7021Model(chip.clock(),
                new SensorValue("temperature", "°C", celsius, chip.clock()),
                new SensorValue("humidity", "%RH", 50, chip.clock()));
        chip.i2cBus(2).attach(device);
        return device;
    }

    @Test
    void anSi7021NacksANoHoldReadUntilItsConversionEndsThenSendsTheTemperature() {
        si7021(23.5);
        i2c.write(0x40, new byte[] {(byte) 0xF3}, 1);
        board.runUntil(1_000_000);
        byte[] buffer = new byte[2];
        i2c.read(0x40, buffer, 2);
        board.runUntil(2_000_000);
        assertThat(completions).last().asString().startsWith("AddressNak@");

        board.runUntil(8_000_000);
        i2c.read(0x40, buffer, 2);
        board.runUntil(9_000_000);

        assertThat(completions).last().asString().startsWith("ok@");
        assertThat(Si7021Model.celsius((buffer[0] & 0xFF) << 8 | buffer[1] & 0xFF))
                .isCloseTo(23.5, within(0.011));
    }

    @Test
    void anSi7021InHoldMasterModeStretchesTheReadUntilItsConversionEnds() {
        si7021(-5.0);
        i2c.write(0x40, new byte[] {(byte) 0xE3}, 1);
        board.runUntil(1_000_000);
        byte[] buffer = new byte[2];
        i2c.read(0x40, buffer, 2);
        board.runUntil(20_000_000);

        long conversionEnds = START_STOP_NS + 2 * BYTE_NS + 7_000_000;
        assertThat(completions).containsExactly("ok@" + (START_STOP_NS + 2 * BYTE_NS + START_STOP_NS),
                "ok@" + (conversionEnds + 2 * BYTE_NS + START_STOP_NS));
        assertThat(Si7021Model.celsius((buffer[0] & 0xFF) << 8 | buffer[1] & 0xFF))
                .isCloseTo(-5.0, within(0.011));
    }
}
