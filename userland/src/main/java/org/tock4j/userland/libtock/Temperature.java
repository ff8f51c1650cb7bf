package org.tock4j.userland.libtock;

import java.util.Objects;
import org.tock4j.userland.Syscalls;

/**
 * The temperature sensor, driver {@code 0x60000} (Tock's {@code capsules/extra/src/temperature.rs}): synchronous
 * readings in hundredths of a degree Celsius.
 *
 * <pre>{@code
 * Temperature temperature = new Temperature(sys);
 * int centiCelsius = temperature.read();                 // 2325 is 23.25 °C, -50 is -0.50 °C
 * }</pre>
 *
 * <p>{@link #read()} makes these system calls:
 *
 * <ol>
 *   <li>{@code subscribe(0x60000, 0, done, 0)};</li>
 *   <li>{@code command(0x60000, 1, 0, 0)} starts a reading: {@code Success}, or the sensor's error;</li>
 *   <li>{@code yield(1, 0, 0)} until the reading upcall {@code (temperature, 0, 0)} has run;</li>
 *   <li>{@code subscribe(0x60000, 0, 0, 0)} gives the upcall back, also after a failure.</li>
 * </ol>
 *
 * {@code command(0x60000, 0, 0, 0)} answers whether the driver exists. The kernel sends a failed reading to
 * nobody, so a read waits for the next successful one. While it waits, other upcalls run; one of them
 * starting another read on this {@code Temperature} gets {@code BUSY}. The upcall function is registered once.
 *
 * <p>libtock-c counterpart: {@code libtocksync_temperature_read} ({@code libtock-sync/sensors/temperature.h});
 * libtock-rs counterpart: {@code libtock_temperature::Temperature::read_temperature_sync}.
 */
public final class Temperature {

    public static final int DRIVER_NUM = 0x60000;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_READ = 1;

    /** The subscribe number of the reading upcall, whose values are {@code (hundredths of °C, 0, 0)}. */
    public static final int SUBSCRIBE_READING = 0;

    private final Syscalls sys;
    private int readingUpcall;
    private boolean reading;
    private boolean done;
    private int value;

    public Temperature(Syscalls sys) {
        this.sys = Objects.requireNonNull(sys, "sys");
    }

    /** Whether the board has the temperature driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** Reads the temperature once and returns it in hundredths of a degree Celsius (negative below zero). */
    public int read() {
        if (reading) {
            throw new TockException(ReturnCode.BUSY, "Temperature.read", "(a read is already waiting)");
        }
        reading = true;
        try {
            if (readingUpcall == 0) {
                readingUpcall = sys.upcallAddress((temperature, unused1, unused2, data) -> {
                    value = temperature;
                    done = true;
                });
            }
            SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, SUBSCRIBE_READING, readingUpcall, 0),
                    "Temperature.read subscribe");
            done = false;
            SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_READ, 0, 0), "Temperature.read");
            while (!done) {
                sys.yield(Yield.WAIT, 0, 0);
            }
        } catch (TockException e) {
            release();
            throw e;
        } finally {
            reading = false;
        }
        release();
        return value;
    }

    /** Takes the upcall back from the kernel; an error here changes nothing for the app. */
    private void release() {
        sys.subscribe(DRIVER_NUM, SUBSCRIBE_READING, 0, 0);
    }
}
