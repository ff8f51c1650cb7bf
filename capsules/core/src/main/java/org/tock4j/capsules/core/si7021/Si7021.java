package org.tock4j.capsules.core.si7021;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.i2c.I2cError;
import org.tock4j.kernel.hil.i2c.I2cMaster;
import org.tock4j.kernel.hil.i2c.I2cMasterClient;
import org.tock4j.kernel.hil.sensors.TemperatureClient;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;

/**
 * The Silicon Labs Si7021 temperature and relative humidity sensor, over I2C, as Tock's driver reads it: a
 * "measure, no hold master" command, then a 20 ms alarm for the conversion (the I2C controller disabled
 * meanwhile), then two two-byte reads of the result (Tock's state machine reads it twice and converts the
 * second).
 *
 * <pre>{@code
 * VirtualMuxAlarm alarm = new VirtualMuxAlarm(muxAlarm);
 * alarm.setup();
 * Si7021 si7021 = new Si7021(chip.i2c(2), Si7021.DEFAULT_ADDRESS, alarm, new byte[Si7021.BUFFER_LEN]);
 * chip.i2c(2).setMasterClient(si7021);
 * alarm.setAlarmClient(si7021);
 * si7021.setClient(temperatureCapsule);   // then bind it as the board's TemperatureDriver
 * }</pre>
 *
 * <pre>
 *   readTemperature ─ write 0xF3 ─► (complete) alarm 20 ms, disable ─► (alarm) enable, read 2 bytes
 *     ─► (complete) read 2 bytes again ─► (complete) T = code × 17572 / 65536 − 4685 hundredths of °C
 *     ─► client; then the request on deck
 *   readHumidity    ─ write 0xF5 ─► ... RH = code × 12500 / 65536 − 600 hundredths of %RH
 *   readId          ─ write 0xFA 0x0F, read 8 ─► write 0xFC 0xC9, read 6 ─► electronicId()
 * </pre>
 *
 * <p>One measurement runs at a time. A request while one runs (or while the ID is read) goes "on deck", one
 * only (another is {@code BUSY}), and starts when the running one ends.
 *
 * <p>Differences from Tock, whose driver does not check its I2C results:
 * <ul>
 *   <li>A request whose first I2C transfer is refused at once returns that error (and no callback follows);
 *       Tock would return {@code Ok} and lose its buffer.</li>
 *   <li>A transfer that ends in an error (the sensor NACKs: absent, or still converting) ends the
 *       measurement with that error to its client, converted as Tock converts I2C errors
 *       ({@code NOACK} for a NAK); Tock reads on and reports a value from whatever the buffer held. The
 *       request on deck then starts as after a reading.</li>
 *   <li>Whatever is on deck starts when the running request ends. Tock starts it only after a reading of the
 *       other kind (humidity after temperature, temperature after humidity); a temperature request during a
 *       temperature reading, or any request during an ID read, would stay on deck unserved.</li>
 *   <li>An electronic ID read keeps the eight serial bytes ({@link #electronicId()}); Tock reads them and
 *       drops them (and its in-place copy overwrites two of them).</li>
 *   <li>Humidity readings go to a {@link HumidityClient} of this class (kernel-api has no humidity HIL) with a
 *       {@code Result}, as temperature readings do; an RH code below 0 %RH reads 0 (Tock's unsigned
 *       subtraction would wrap).</li>
 *   <li>The driver talks to an {@link I2cMaster} at its device address and is that controller's client; Tock
 *       goes through an {@code I2CDevice} of a {@code MuxI2C}, which tock4j boards do not need while the
 *       Si7021 is the only device on its bus.</li>
 * </ul>
 *
 * <p>Tock counterpart: {@code capsules_extra::si7021::SI7021} with its {@code components::si7021}
 * component's 14-byte buffer.
 */
public final class Si7021 implements TemperatureDriver, I2cMasterClient, AlarmClient {
    /** The Si7021's I2C address, which Tock's boards give its component. */
    public static final int DEFAULT_ADDRESS = 0x40;
    /** The buffer Tock's component gives the driver. */
    public static final int BUFFER_LEN = 14;
    /** The conversion wait Tock's driver sets its alarm to. */
    public static final int MEASUREMENT_DELAY_MS = 20;

    /** The sensor's command codes (Tock's {@code Registers}). */
    static final int MEAS_RELATIVE_HUMIDITY_NO_HOLD_MODE = 0xF5;
    static final int MEAS_TEMPERATURE_NO_HOLD_MODE = 0xF3;
    static final int READ_ELECTRONIC_ID_BYTE_ONE_A = 0xFA;
    static final int READ_ELECTRONIC_ID_BYTE_ONE_B = 0x0F;
    static final int READ_ELECTRONIC_ID_BYTE_TWO_A = 0xFC;
    static final int READ_ELECTRONIC_ID_BYTE_TWO_B = 0xC9;

    /** Receives a relative humidity reading. Tock counterpart: {@code hil::sensors::HumidityClient}. */
    @FunctionalInterface
    public interface HumidityClient {
        /** The relative humidity in hundredths of a percent, or why it could not be read. */
        void callback(Result<Integer, ErrorCode> value);
    }

    /** Where the driver is in its I2C exchange with the sensor (Tock's {@code State}). */
    enum State {
        Idle,
        WaitTemp,
        WaitRh,
        SelectElectronicId1,
        ReadElectronicId1,
        SelectElectronicId2,
        ReadElectronicId2,
        TakeTempMeasurementInit,
        TakeRhMeasurementInit,
        ReadRhMeasurement,
        ReadTempMeasurement,
        GotTempMeasurement,
        GotRhMeasurement
    }

    /** A request waiting for the running one (Tock's {@code OnDeck}). */
    enum OnDeck {
        Nothing,
        Temperature,
        Humidity
    }

    private final I2cMaster i2c;
    private final int address;
    private final Alarm alarm;
    private TemperatureClient temperatureClient;
    private HumidityClient humidityClient;
    private State state = State.Idle;
    private OnDeck onDeck = OnDeck.Nothing;
    private byte[] buffer;
    private long electronicId;
    private boolean electronicIdRead;

    /**
     * @param address the sensor's 7-bit address ({@value #DEFAULT_ADDRESS})
     * @param buffer at least {@value #BUFFER_LEN} bytes
     */
    public Si7021(I2cMaster i2c, int address, Alarm alarm, byte[] buffer) {
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException("I2C addresses are 7-bit, not 0x" + Integer.toHexString(address));
        }
        this.address = address;
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.length < BUFFER_LEN) {
            throw new IllegalArgumentException("the Si7021 driver needs a " + BUFFER_LEN + "-byte buffer, not "
                    + buffer.length);
        }
        this.buffer = buffer;
    }

    // ---- requests ----

    @Override
    public void setClient(TemperatureClient client) {
        this.temperatureClient = Objects.requireNonNull(client, "client");
    }

    public void setHumidityClient(HumidityClient client) {
        this.humidityClient = Objects.requireNonNull(client, "client");
    }

    /**
     * Starts a temperature reading, or puts it on deck while a measurement runs.
     *
     * @return {@code Ok}; {@code BUSY} if another request is already on deck; the I2C error if the command
     *         cannot be sent
     */
    @Override
    public Result<Void, ErrorCode> readTemperature() {
        return request(OnDeck.Temperature, MEAS_TEMPERATURE_NO_HOLD_MODE, State.TakeTempMeasurementInit);
    }

    /** Starts a humidity reading, as {@link #readTemperature()} does a temperature reading. */
    public Result<Void, ErrorCode> readHumidity() {
        return request(OnDeck.Humidity, MEAS_RELATIVE_HUMIDITY_NO_HOLD_MODE, State.TakeRhMeasurementInit);
    }

    /**
     * Reads the sensor's 64-bit electronic serial number, then {@link #electronicId()} holds it.
     *
     * @return {@code Ok}; {@code BUSY} while a measurement runs; the I2C error if the command cannot be sent
     */
    public Result<Void, ErrorCode> readId() {
        if (state != State.Idle || buffer == null) {
            return Result.err(ErrorCode.BUSY);
        }
        byte[] b = buffer;
        buffer = null;
        i2c.enable();
        b[0] = (byte) READ_ELECTRONIC_ID_BYTE_ONE_A;
        b[1] = (byte) READ_ELECTRONIC_ID_BYTE_ONE_B;
        return send(i2c.write(address, b, 2), State.SelectElectronicId1);
    }

    /** The serial number SNA_3..SNA_0 SNB_3..SNB_0 once {@link #readId()} has read it. */
    public OptionalLong electronicId() {
        return electronicIdRead ? OptionalLong.of(electronicId) : OptionalLong.empty();
    }

    /** Whether no measurement or ID read is running. */
    public boolean isIdle() {
        return state == State.Idle;
    }

    State state() {
        return state;
    }

    private Result<Void, ErrorCode> request(OnDeck what, int command, State next) {
        if (state == State.Idle) {
            if (buffer == null) {
                return Result.err(ErrorCode.BUSY);
            }
            byte[] b = buffer;
            buffer = null;
            // turn on i2c to send commands
            i2c.enable();
            b[0] = (byte) command;
            return send(i2c.write(address, b, 1), next);
        }
        // Not idle: queue this request if nothing else is queued.
        if (onDeck == OnDeck.Nothing) {
            onDeck = what;
            return Result.ok();
        }
        return Result.err(ErrorCode.BUSY);
    }

    /** Enters {@code next} if the transfer started; otherwise takes the buffer back and stays idle. */
    private Result<Void, ErrorCode> send(Result<Void, I2cMaster.RejectedBuffer> started, State next) {
        if (started instanceof Result.Err<Void, I2cMaster.RejectedBuffer>(I2cMaster.RejectedBuffer rejected)) {
            setIdle(rejected.buffer());
            return Result.err(rejected.error().toErrorCode());
        }
        state = next;
        return Result.ok();
    }

    // ---- the I2C controller and the alarm ----

    @Override
    public void commandComplete(byte[] b, Result<Void, I2cError> status) {
        if (status instanceof Result.Err<Void, I2cError>(I2cError error)) {
            failed(b, error.toErrorCode());
            return;
        }
        switch (state) {
            case SelectElectronicId1 -> continueWith(i2c.read(address, b, 8), State.ReadElectronicId1);
            case ReadElectronicId1 -> {
                // The eight bytes of the first access move up while the second access fills b[0..6).
                System.arraycopy(b, 0, b, 6, 8);
                b[0] = (byte) READ_ELECTRONIC_ID_BYTE_TWO_A;
                b[1] = (byte) READ_ELECTRONIC_ID_BYTE_TWO_B;
                continueWith(i2c.write(address, b, 2), State.SelectElectronicId2);
            }
            case SelectElectronicId2 -> continueWith(i2c.read(address, b, 6), State.ReadElectronicId2);
            case ReadElectronicId2 -> {
                // SNA_3, CRC, SNA_2, CRC, SNA_1, CRC, SNA_0, CRC at 6..14; SNB_3, SNB_2, CRC, SNB_1, SNB_0, CRC.
                int[] serial = {b[6], b[8], b[10], b[12], b[0], b[1], b[3], b[4]};
                long id = 0;
                for (int part : serial) {
                    id = id << 8 | (part & 0xFF);
                }
                electronicId = id;
                electronicIdRead = true;
                finish(b);
            }
            case TakeTempMeasurementInit -> {
                initMeasurement(b);
                state = State.WaitTemp;
            }
            case TakeRhMeasurementInit -> {
                initMeasurement(b);
                state = State.WaitRh;
            }
            case ReadRhMeasurement -> continueWith(i2c.read(address, b, 2), State.GotRhMeasurement);
            case ReadTempMeasurement -> continueWith(i2c.read(address, b, 2), State.GotTempMeasurement);
            case GotTempMeasurement -> {
                // Temperature in hundredths of degrees centigrade
                long tempRaw = (b[0] & 0xFFL) << 8 | (b[1] & 0xFFL);
                int temp = (int) (tempRaw * 17572 / 65536) - 4685;
                deliverTemperature(Result.ok(temp));
                finish(b);
            }
            case GotRhMeasurement -> {
                // Humidity in hundredths of percent
                long humidityRaw = (b[0] & 0xFFL) << 8 | (b[1] & 0xFFL);
                int humidity = (int) Math.max(0, humidityRaw * 125 * 100 / 65536 - 600);
                deliverHumidity(Result.ok(humidity));
                finish(b);
            }
            case Idle, WaitTemp, WaitRh -> buffer = b;
        }
    }

    /** The conversion time is over: read the result. */
    @Override
    public void alarm() {
        if (buffer == null || (state != State.WaitRh && state != State.WaitTemp)) {
            return;
        }
        byte[] b = buffer;
        buffer = null;
        // turn on i2c to send commands
        i2c.enable();
        continueWith(i2c.read(address, b, 2),
                state == State.WaitRh ? State.ReadRhMeasurement : State.ReadTempMeasurement);
    }

    private void initMeasurement(byte[] b) {
        alarm.setAlarm(alarm.now(), alarm.ticksFromMs(MEASUREMENT_DELAY_MS));
        // Now wait for timer to expire
        buffer = b;
        i2c.disable();
    }

    private void setIdle(byte[] b) {
        buffer = b;
        i2c.disable();
        state = State.Idle;
    }

    /** Enters {@code next} if the transfer started; otherwise ends the running request with the error. */
    private void continueWith(Result<Void, I2cMaster.RejectedBuffer> started, State next) {
        if (started instanceof Result.Err<Void, I2cMaster.RejectedBuffer>(I2cMaster.RejectedBuffer rejected)) {
            state = next;
            failed(rejected.buffer(), rejected.error().toErrorCode());
            return;
        }
        state = next;
    }

    /** A transfer failed: the running request ends with {@code error}; the request on deck starts. */
    private void failed(byte[] b, ErrorCode error) {
        switch (state) {
            case TakeTempMeasurementInit, WaitTemp, ReadTempMeasurement, GotTempMeasurement ->
                    deliverTemperature(Result.err(error));
            case TakeRhMeasurementInit, WaitRh, ReadRhMeasurement, GotRhMeasurement ->
                    deliverHumidity(Result.err(error));
            default -> {
                // an electronic ID read: nothing to report, the ID stays unknown
            }
        }
        finish(b);
    }

    /** The running request is over: the request on deck starts, or the driver goes idle. */
    private void finish(byte[] b) {
        OnDeck next = onDeck;
        onDeck = OnDeck.Nothing;
        switch (next) {
            case Temperature -> startOnDeck(b, MEAS_TEMPERATURE_NO_HOLD_MODE, State.TakeTempMeasurementInit);
            case Humidity -> startOnDeck(b, MEAS_RELATIVE_HUMIDITY_NO_HOLD_MODE, State.TakeRhMeasurementInit);
            case Nothing -> setIdle(b);
        }
    }

    private void startOnDeck(byte[] b, int command, State next) {
        b[0] = (byte) command;
        continueWith(i2c.write(address, b, 1), next);
    }

    private void deliverTemperature(Result<Integer, ErrorCode> value) {
        Optional.ofNullable(temperatureClient).ifPresent(c -> c.callback(value));
    }

    private void deliverHumidity(Result<Integer, ErrorCode> value) {
        Optional.ofNullable(humidityClient).ifPresent(c -> c.callback(value));
    }

    @Override
    public String toString() {
        return "Si7021[0x" + Integer.toHexString(address) + ", " + state + ", on deck " + onDeck + "]";
    }
}
