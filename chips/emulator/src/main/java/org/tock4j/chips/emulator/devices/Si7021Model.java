package org.tock4j.chips.emulator.devices;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.I2cDevice;
import org.tock4j.chips.emulator.world.SensorValue;

/**
 * The Silicon Labs Si7021-A20 relative humidity and temperature sensor on an I2C bus, at its fixed address
 * {@value #ADDRESS}, measuring two {@link SensorValue}s (°C and %RH) with the datasheet's conversion times on
 * the virtual clock.
 *
 * <pre>{@code
 * SensorValue temperature = new SensorValue("temperature", "°C", 22.0, clock);
 * SensorValue humidity = new SensorValue("humidity", "%RH", 45.0, clock);
 * chip.i2cBus(2).attach(new Si7021Model(clock, temperature, humidity));
 * temperature.set(23.5);   // the next conversion reads it
 * }</pre>
 *
 * <p>Commands (datasheet table 11), each written as the first byte(s) of a write transaction:
 * <table>
 *   <caption>Si7021 commands</caption>
 *   <tr><th>code</th><th>command</th><th>then a read returns</th></tr>
 *   <tr><td>0xE5 / 0xF5</td><td>measure relative humidity, hold / no hold master</td>
 *       <td>RH code MSB, LSB ({@code xxxxxx10}), CRC; the temperature is measured too</td></tr>
 *   <tr><td>0xE3 / 0xF3</td><td>measure temperature, hold / no hold master</td>
 *       <td>temperature code MSB, LSB ({@code xxxxxx00}), CRC</td></tr>
 *   <tr><td>0xE0</td><td>read the temperature of the previous RH measurement</td><td>MSB, LSB (no CRC)</td></tr>
 *   <tr><td>0xFE</td><td>reset</td><td>nothing; the registers take their reset values</td></tr>
 *   <tr><td>0xE6 v / 0xE7</td><td>write / read user register 1</td><td>the register</td></tr>
 *   <tr><td>0x51 v / 0x11</td><td>write / read the heater control register</td><td>the register</td></tr>
 *   <tr><td>0xFA 0x0F</td><td>electronic ID, first access</td><td>SNA_3, CRC, SNA_2, CRC, SNA_1, CRC, SNA_0,
 *       CRC</td></tr>
 *   <tr><td>0xFC 0xC9</td><td>electronic ID, second access</td><td>SNB_3, SNB_2, CRC, SNB_1, SNB_0, CRC</td></tr>
 *   <tr><td>0x84 0xB8</td><td>firmware revision</td><td>{@value #FIRMWARE_REVISION_2_0} (version 2.0)</td></tr>
 * </table>
 *
 * <p>Behaviour on the bus:
 * <ul>
 *   <li>A measurement starts when its command byte is acknowledged and takes the conversion time of the
 *       resolution user register 1 selects (RH 12 bit / temperature 14 bit after reset: 10 + 7 ms typical for
 *       RH, which includes a temperature conversion, 7 ms for temperature). The physical value is sampled
 *       when the conversion ends.</li>
 *   <li>No hold master (0xF5, 0xF3): until the conversion ends the device does not acknowledge its address;
 *       a read after it ends gets the result. Hold master (0xE5, 0xE3): the device acknowledges the read
 *       address at once and stretches the clock ({@link #readStretchNs()}) until the result is ready.</li>
 *   <li>While a conversion runs a write addressed to the device is not acknowledged either (it is busy);
 *       during the reset time (5 ms typical) neither is anything.</li>
 *   <li>Each read transaction sends the latest response from its first byte, then 0xFF; a read with no
 *       response pending is not acknowledged. An undefined command byte, or a wrong second byte of a two-byte
 *       command, is not acknowledged.</li>
 *   <li>CRC bytes use the datasheet's polynomial {@code x^8 + x^5 + x^4 + 1}, initial value 0, over the
 *       measurement's two bytes; for the electronic ID over all serial bytes of that access sent so far.</li>
 * </ul>
 *
 * <p>Codes from values, the inverses of the datasheet's formulas {@code T = 175.72 × code / 65536 − 46.85} and
 * {@code RH = 125 × code / 65536 − 6}, rounded to the resolution and clamped to 16 bits.
 *
 * <p>Not modelled: the power-up time (the device is ready from the start), the heater warming the die
 * (its register is stored), VDD monitoring (VDDS reads 0: VDD is fine).
 *
 * <p>Tock counterpart: none; the part Tock's {@code capsules_extra::si7021} drives on imix (TWIM2) and Hail
 * (TWIM1).
 */
public final class Si7021Model implements I2cDevice {
    private static final Logger LOG = System.getLogger(Si7021Model.class.getName());

    /** The device's fixed 7-bit I2C address. */
    public static final int ADDRESS = 0x40;

    public static final int MEASURE_RH_HOLD_MASTER = 0xE5;
    public static final int MEASURE_RH_NO_HOLD_MASTER = 0xF5;
    public static final int MEASURE_TEMPERATURE_HOLD_MASTER = 0xE3;
    public static final int MEASURE_TEMPERATURE_NO_HOLD_MASTER = 0xF3;
    public static final int READ_TEMPERATURE_FROM_PREVIOUS_RH = 0xE0;
    public static final int RESET = 0xFE;
    public static final int WRITE_USER_REGISTER_1 = 0xE6;
    public static final int READ_USER_REGISTER_1 = 0xE7;
    public static final int WRITE_HEATER_CONTROL = 0x51;
    public static final int READ_HEATER_CONTROL = 0x11;
    public static final int READ_ELECTRONIC_ID_1 = 0xFA;
    public static final int READ_ELECTRONIC_ID_1_SECOND_BYTE = 0x0F;
    public static final int READ_ELECTRONIC_ID_2 = 0xFC;
    public static final int READ_ELECTRONIC_ID_2_SECOND_BYTE = 0xC9;
    public static final int READ_FIRMWARE_REVISION = 0x84;
    public static final int READ_FIRMWARE_REVISION_SECOND_BYTE = 0xB8;

    /** User register 1 after power-up or reset: RES1 = RES0 = 0, VDDS = 0, HTRE = 0, reserved bits 1. */
    public static final int USER_REGISTER_1_RESET = 0x3A;
    /** The bits of user register 1 a write changes: RES1 (D7), HTRE (D2), RES0 (D0). */
    public static final int USER_REGISTER_1_WRITABLE = 0x85;
    /** The heater current field (D3:D0) of the heater control register. */
    public static final int HEATER_CONTROL_WRITABLE = 0x0F;
    /** SNB_3 of the electronic ID: the device identification of an Si7021. */
    public static final int DEVICE_ID = 0x15;
    /** The firmware revision byte of firmware version 2.0 (the A20 silicon). */
    public static final int FIRMWARE_REVISION_2_0 = 0x20;
    /** An electronic ID with SNB_3 = {@value #DEVICE_ID}; the other bytes are this model's own serial number. */
    public static final long DEFAULT_ELECTRONIC_ID = 0x7021_4A2B_1500_3C4DL;

    /** Which column of the datasheet's conversion time table the device follows. */
    public enum ConversionTiming {
        /** Typical times: what a part on the bench takes. */
        TYPICAL,
        /** Maximum times: the slowest part a driver must wait for. */
        MAXIMUM
    }

    /** The measurement resolutions of user register 1's RES1:RES0 bits, with their conversion times. */
    public enum Resolution {
        /** RES = 00, the reset value. */
        RH_12_TEMPERATURE_14(12, 14, 10_000, 12_000, 7_000, 10_800),
        /** RES = 01. */
        RH_8_TEMPERATURE_12(8, 12, 2_600, 3_100, 2_400, 3_800),
        /** RES = 10. */
        RH_10_TEMPERATURE_13(10, 13, 3_700, 4_500, 4_000, 6_200),
        /** RES = 11. */
        RH_11_TEMPERATURE_11(11, 11, 5_800, 7_000, 1_500, 2_400);

        private final int rhBits;
        private final int temperatureBits;
        private final long rhTypicalUs;
        private final long rhMaximumUs;
        private final long temperatureTypicalUs;
        private final long temperatureMaximumUs;

        Resolution(int rhBits, int temperatureBits, long rhTypicalUs, long rhMaximumUs,
                long temperatureTypicalUs, long temperatureMaximumUs) {
            this.rhBits = rhBits;
            this.temperatureBits = temperatureBits;
            this.rhTypicalUs = rhTypicalUs;
            this.rhMaximumUs = rhMaximumUs;
            this.temperatureTypicalUs = temperatureTypicalUs;
            this.temperatureMaximumUs = temperatureMaximumUs;
        }

        public int rhBits() {
            return rhBits;
        }

        public int temperatureBits() {
            return temperatureBits;
        }

        /** A temperature conversion's time. */
        public long temperatureConversionNs(ConversionTiming timing) {
            return 1_000 * (timing == ConversionTiming.TYPICAL ? temperatureTypicalUs : temperatureMaximumUs);
        }

        /** An RH measurement's time: its RH conversion plus the temperature conversion it includes. */
        public long rhConversionNs(ConversionTiming timing) {
            return 1_000 * (timing == ConversionTiming.TYPICAL ? rhTypicalUs : rhMaximumUs)
                    + temperatureConversionNs(timing);
        }

        /** The resolution user register 1 selects. */
        public static Resolution of(int userRegister1) {
            int res = (userRegister1 >>> 6 & 0b10) | (userRegister1 & 0b01);
            return values()[res];
        }
    }

    /** The reset time: 5 ms typical, 15 ms maximum. */
    static final long RESET_TYPICAL_NS = 5_000_000;
    static final long RESET_MAXIMUM_NS = 15_000_000;

    private enum Expect { COMMAND, SECOND_BYTE, REGISTER_VALUE, NOTHING }

    private final VirtualClock clock;
    private final SensorValue temperature;
    private final SensorValue humidity;
    private final ConversionTiming timing;
    private final long electronicId;
    private int userRegister1 = USER_REGISTER_1_RESET;
    private int heaterControl;
    private int previousRhTemperatureCode;
    private Expect expect = Expect.NOTHING;
    private int command;
    private byte[] response;
    private int responseIndex;
    private ScheduledEvent conversion;
    private boolean holdMaster;
    private long resetDoneNs = Long.MIN_VALUE;

    /** An Si7021Model with typical conversion times and {@link #DEFAULT_ELECTRONIC_ID}. */
    public Si7021Model(VirtualClock clock, SensorValue temperature, SensorValue humidity) {
        this(clock, temperature, humidity, ConversionTiming.TYPICAL, DEFAULT_ELECTRONIC_ID);
    }

    /**
     * @param temperature what it measures as temperature, in °C
     * @param humidity what it measures as relative humidity, in %RH
     * @param electronicId the 64-bit serial number SNA_3..SNA_0 SNB_3..SNB_0; SNB_3 must be {@value #DEVICE_ID}
     * @throws IllegalArgumentException if SNB_3 is not an Si7021's device identification
     */
    public Si7021Model(VirtualClock clock, SensorValue temperature, SensorValue humidity, ConversionTiming timing,
            long electronicId) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.temperature = Objects.requireNonNull(temperature, "temperature");
        this.humidity = Objects.requireNonNull(humidity, "humidity");
        this.timing = Objects.requireNonNull(timing, "timing");
        int snb3 = (int) (electronicId >>> 24) & 0xFF;
        if (snb3 != DEVICE_ID) {
            throw new IllegalArgumentException(String.format(
                    "an Si7021's electronic ID has SNB_3 = 0x%02X (its device identification), not 0x%02X",
                    DEVICE_ID, snb3));
        }
        this.electronicId = electronicId;
    }

    public SensorValue temperature() {
        return temperature;
    }

    public SensorValue humidity() {
        return humidity;
    }

    public ConversionTiming timing() {
        return timing;
    }

    public long electronicId() {
        return electronicId;
    }

    public int userRegister1() {
        return userRegister1;
    }

    public int heaterControl() {
        return heaterControl;
    }

    public Resolution resolution() {
        return Resolution.of(userRegister1);
    }

    /** Whether a conversion is running now. */
    public boolean isConverting() {
        return conversion != null && conversion.isPending();
    }

    // ---- the bus ----

    @Override
    public int address() {
        return ADDRESS;
    }

    @Override
    public boolean start(boolean read) {
        if (clock.now() < resetDoneNs) {
            return false;
        }
        if (read) {
            expect = Expect.NOTHING;
            if (isConverting()) {
                responseIndex = 0;
                return holdMaster;
            }
            responseIndex = 0;
            return response != null;
        }
        if (isConverting()) {
            return false;
        }
        expect = Expect.COMMAND;
        return true;
    }

    @Override
    public boolean write(byte value) {
        int b = value & 0xFF;
        return switch (expect) {
            case COMMAND -> command(b);
            case SECOND_BYTE -> secondByte(b);
            case REGISTER_VALUE -> registerValue(b);
            case NOTHING -> false;
        };
    }

    @Override
    public byte read() {
        if (response == null || responseIndex >= response.length) {
            return (byte) 0xFF;
        }
        return response[responseIndex++];
    }

    @Override
    public long readStretchNs() {
        return isConverting() && holdMaster ? Math.max(0, conversion.timeNs() - clock.now()) : 0;
    }

    @Override
    public void stop() {
        expect = Expect.NOTHING;
    }

    // ---- commands ----

    private boolean command(int b) {
        command = b;
        expect = Expect.NOTHING;
        switch (b) {
            case MEASURE_RH_HOLD_MASTER, MEASURE_RH_NO_HOLD_MASTER ->
                    measure(b == MEASURE_RH_HOLD_MASTER, resolution().rhConversionNs(timing), this::rhConverted);
            case MEASURE_TEMPERATURE_HOLD_MASTER, MEASURE_TEMPERATURE_NO_HOLD_MASTER ->
                    measure(b == MEASURE_TEMPERATURE_HOLD_MASTER, resolution().temperatureConversionNs(timing),
                            this::temperatureConverted);
            case READ_TEMPERATURE_FROM_PREVIOUS_RH ->
                    respond(previousRhTemperatureCode >>> 8, previousRhTemperatureCode & 0xFF);
            case RESET -> reset();
            case WRITE_USER_REGISTER_1, WRITE_HEATER_CONTROL -> expect = Expect.REGISTER_VALUE;
            case READ_USER_REGISTER_1 -> respond(userRegister1);
            case READ_HEATER_CONTROL -> respond(heaterControl);
            case READ_ELECTRONIC_ID_1, READ_ELECTRONIC_ID_2, READ_FIRMWARE_REVISION -> expect = Expect.SECOND_BYTE;
            default -> {
                LOG.log(Level.WARNING, "Si7021: command 0x{0} is undefined; not acknowledged",
                        Integer.toHexString(b));
                return false;
            }
        }
        return true;
    }

    private boolean secondByte(int b) {
        expect = Expect.NOTHING;
        if (command == READ_ELECTRONIC_ID_1 && b == READ_ELECTRONIC_ID_1_SECOND_BYTE) {
            int[] sna = {idByte(7), idByte(6), idByte(5), idByte(4)};
            byte[] r = new byte[8];
            for (int i = 0; i < 4; i++) {
                r[2 * i] = (byte) sna[i];
                r[2 * i + 1] = (byte) crc8(sna, i + 1);
            }
            response = r;
        } else if (command == READ_ELECTRONIC_ID_2 && b == READ_ELECTRONIC_ID_2_SECOND_BYTE) {
            int[] snb = {idByte(3), idByte(2), idByte(1), idByte(0)};
            response = new byte[] {(byte) snb[0], (byte) snb[1], (byte) crc8(snb, 2), (byte) snb[2],
                    (byte) snb[3], (byte) crc8(snb, 4)};
        } else if (command == READ_FIRMWARE_REVISION && b == READ_FIRMWARE_REVISION_SECOND_BYTE) {
            respond(FIRMWARE_REVISION_2_0);
        } else {
            LOG.log(Level.WARNING, "Si7021: 0x{0} cannot follow command 0x{1}; not acknowledged",
                    Integer.toHexString(b), Integer.toHexString(command));
            return false;
        }
        return true;
    }

    private boolean registerValue(int b) {
        expect = Expect.NOTHING;
        if (command == WRITE_USER_REGISTER_1) {
            userRegister1 = userRegister1 & ~USER_REGISTER_1_WRITABLE | b & USER_REGISTER_1_WRITABLE;
        } else {
            heaterControl = heaterControl & ~HEATER_CONTROL_WRITABLE | b & HEATER_CONTROL_WRITABLE;
        }
        return true;
    }

    private void measure(boolean hold, long conversionNs, Runnable done) {
        response = null;
        holdMaster = hold;
        conversion = clock.scheduleAfter(conversionNs, done);
    }

    private void temperatureConverted() {
        int code = temperatureCode(temperature.value(), resolution().temperatureBits());
        respondWithChecksum(code);
    }

    private void rhConverted() {
        Resolution r = resolution();
        previousRhTemperatureCode = temperatureCode(temperature.value(), r.temperatureBits());
        respondWithChecksum(rhCode(humidity.value(), r.rhBits()));
    }

    private void reset() {
        if (conversion != null) {
            conversion.cancel();
            conversion = null;
        }
        userRegister1 = USER_REGISTER_1_RESET;
        heaterControl = 0;
        response = null;
        resetDoneNs = clock.now() + (timing == ConversionTiming.TYPICAL ? RESET_TYPICAL_NS : RESET_MAXIMUM_NS);
    }

    private void respond(int... bytes) {
        byte[] r = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            r[i] = (byte) bytes[i];
        }
        response = r;
        responseIndex = 0;
    }

    private void respondWithChecksum(int code) {
        int[] data = {code >>> 8, code & 0xFF};
        respond(data[0], data[1], crc8(data, 2));
    }

    private int idByte(int n) {
        return (int) (electronicId >>> (8 * n)) & 0xFF;
    }

    // ---- conversions ----

    /** The 16-bit code the device returns for {@code celsius} at {@code bits} of resolution. */
    public static int temperatureCode(double celsius, int bits) {
        return quantize((celsius + 46.85) * 65536 / 175.72, bits);
    }

    /** The 16-bit code the device returns for {@code percent} relative humidity at {@code bits} of resolution. */
    public static int rhCode(double percent, int bits) {
        return quantize((percent + 6) * 65536 / 125, bits) | 0b10;
    }

    /** The datasheet's conversion of a temperature code to °C. */
    public static double celsius(int code) {
        return 175.72 * code / 65536 - 46.85;
    }

    /** The datasheet's conversion of an RH code to %RH. */
    public static double relativeHumidity(int code) {
        return 125.0 * code / 65536 - 6;
    }

    /** {@code exact} rounded to the nearest step of a {@code bits}-bit result, kept within 16 bits. */
    private static int quantize(double exact, int bits) {
        int step = 1 << (16 - bits);
        long steps = Math.round(exact / step);
        long code = Math.max(0, Math.min(steps * step, 0x10000 - step));
        return (int) code & ~0b11;
    }

    /** The datasheet's CRC-8 (polynomial 0x31, initial value 0) of the first {@code length} bytes. */
    public static int crc8(int[] bytes, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x31) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }

    @Override
    public String toString() {
        return "Si7021[0x" + Integer.toHexString(ADDRESS) + ", " + resolution()
                + (isConverting() ? ", converting" : "") + "]";
    }
}
