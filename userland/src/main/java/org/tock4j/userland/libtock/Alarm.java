package org.tock4j.userland.libtock;

import org.tock4j.userland.Syscalls;

/**
 * The alarm, driver {@code 0x0} (Tock's {@code capsules/core/src/alarm.rs}): a free-running 32-bit tick
 * counter and one alarm per process.
 *
 * <pre>{@code
 * Alarm alarm = new Alarm(sys);
 * alarm.delayMs(250);                                  // blocks this process for 250 ms of virtual time
 * int t0 = alarm.now();
 * ...
 * long elapsedMs = alarm.ticksToMs(Alarm.ticksBetween(t0, alarm.now()));
 * }</pre>
 *
 * <table>
 *   <caption>System calls</caption>
 *   <tr><th>method</th><th>syscall</th><th>kernel answer</th></tr>
 *   <tr><td>{@link #exists()}</td><td>command(0, 0, 0, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #frequency()}</td><td>command(0, 1, 0, 0)</td><td>Success with u32: ticks per second</td></tr>
 *   <tr><td>{@link #now()}</td><td>command(0, 2, 0, 0)</td><td>Success with u32: the tick counter</td></tr>
 *   <tr><td>{@link #stop()}</td><td>command(0, 3, 0, 0)</td><td>Success, or ALREADY when no alarm is set</td></tr>
 *   <tr><td>{@link #setRelative(int)}</td><td>command(0, 5, dt, 0)</td><td>Success with u32: the expiration</td></tr>
 *   <tr><td>{@link #setAbsolute(int, int)}</td><td>command(0, 6, reference, dt)</td>
 *       <td>Success with u32: {@code reference + dt}</td></tr>
 *   <tr><td>{@link #delayMs(long)}</td><td>command 1 (first use only), command 5 [, command 6 ...],
 *       each followed by yield(2, 0, 0)</td><td>the alarm upcall's (now, expiration, 0)</td></tr>
 * </table>
 *
 * <p>Ticks are unsigned 32-bit values in an {@code int}: the kernel pads the hardware counter so it wraps at
 * exactly 2<sup>32</sup> and scales the frequency to match, so all tick arithmetic here wraps modulo
 * 2<sup>32</sup> ({@link #ticksBetween}, {@link #isWithin}). The frequency is asked once and remembered.
 *
 * <p>libtock-c counterpart: {@code libtock/peripherals/syscalls/alarm_syscalls.h}, {@code ms_to_ticks} and
 * {@code libtock_alarm_ticks_to_ms} ({@code libtock/services/alarm.c}), {@code libtocksync_alarm_delay_ms};
 * libtock-rs counterpart: {@code libtock_alarm::Alarm} ({@code sleep_for}).
 */
public final class Alarm {

    public static final int DRIVER_NUM = 0x0;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_FREQUENCY = 1;
    public static final int COMMAND_TIME = 2;
    public static final int COMMAND_STOP = 3;
    public static final int COMMAND_SET_RELATIVE = 5;
    public static final int COMMAND_SET_ABSOLUTE = 6;

    /** The subscribe number of the alarm upcall, whose values are {@code (now, expiration, 0)}. */
    public static final int SUBSCRIBE_ALARM = 0;

    /** The largest number of ticks one alarm can span: the counter wraps after 2<sup>32</sup> ticks. */
    public static final long MAX_TICKS = 0xFFFF_FFFFL;

    private static final long MAX_MILLISECONDS = 0xFFFF_FFFFL;

    private final Syscalls sys;
    private long frequency;

    public Alarm(Syscalls sys) {
        this.sys = sys;
    }

    /** Whether the board has the alarm driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** Ticks per second, as an unsigned value; asked on first use only. */
    public long frequency() {
        if (frequency == 0) {
            long hz = Integer.toUnsignedLong(SyscallReturns.expectSuccessU32(
                    sys.command(DRIVER_NUM, COMMAND_FREQUENCY, 0, 0), "Alarm.frequency"));
            if (hz == 0) {
                throw new TockException(ReturnCode.FAIL, "Alarm.frequency", "(the kernel reported 0 Hz)");
            }
            frequency = hz;
        }
        return frequency;
    }

    /** The tick counter now (unsigned, wraps at 2<sup>32</sup>). */
    public int now() {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_TIME, 0, 0), "Alarm.now");
    }

    /** Sets this process's alarm {@code dt} ticks (unsigned) from now and returns its expiration tick. */
    public int setRelative(int dt) {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_SET_RELATIVE, dt, 0),
                "Alarm.setRelative");
    }

    /** Sets this process's alarm to fire at {@code reference + dt} (wrapping) and returns that tick. */
    public int setAbsolute(int reference, int dt) {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_SET_ABSOLUTE, reference, dt),
                "Alarm.setAbsolute");
    }

    /** Cancels this process's alarm; {@code ALREADY} if none is set. */
    public void stop() {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_STOP, 0, 0), "Alarm.stop");
    }

    /**
     * Milliseconds to ticks as libtock-c's {@code ms_to_ticks} computes them: whole seconds times the frequency
     * plus the leftover milliseconds' share, rounded down, in 64 bits (accurate to within 1 ms).
     *
     * @param milliseconds 0 to 2<sup>32</sup>-1
     */
    public long msToTicks(long milliseconds) {
        if (milliseconds < 0 || milliseconds > MAX_MILLISECONDS) {
            throw new IllegalArgumentException("milliseconds must be within 0..2^32-1, was " + milliseconds);
        }
        long hz = frequency();
        return (milliseconds / 1000) * hz + (milliseconds % 1000) * hz / 1000;
    }

    /**
     * Ticks to milliseconds as libtock-c's {@code libtock_alarm_ticks_to_ms}: at most 1 ms less than exact.
     *
     * @param ticks 0 to 2<sup>32</sup>-1
     */
    public long ticksToMs(long ticks) {
        if (ticks < 0 || ticks > MAX_TICKS) {
            throw new IllegalArgumentException("ticks must be within 0..2^32-1, was " + ticks);
        }
        long hz = frequency();
        return (ticks / hz) * 1000 + (ticks % hz) * 1000 / hz;
    }

    /**
     * Blocks this process for {@code milliseconds}: converts them to ticks ({@link #msToTicks}) and waits
     * {@link #delayTicks those ticks}. Other upcalls stay queued until a later yield.
     */
    public void delayMs(long milliseconds) {
        delayTicks(msToTicks(milliseconds));
    }

    /**
     * Blocks this process for {@code ticks}: sets the alarm relative to now (command 5) and waits for its
     * upcall with Yield-WaitFor on (0, 0), so no callback runs. A span longer than one counter wrap is waited
     * in pieces of at most {@link #MAX_TICKS}, each set absolute from the previous expiration (command 6), as
     * libtock-c's overflow alarms do, so no time is lost between pieces.
     */
    public void delayTicks(long ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("ticks must not be negative, was " + ticks);
        }
        long remaining = ticks;
        long piece = Math.min(remaining, MAX_TICKS);
        int expiration = setRelative((int) piece);
        waitForAlarm();
        remaining -= piece;
        while (remaining > 0) {
            piece = Math.min(remaining, MAX_TICKS);
            expiration = setAbsolute(expiration, (int) piece);
            waitForAlarm();
            remaining -= piece;
        }
    }

    /** Yield-WaitFor the alarm upcall and return its values {@code (now, expiration, 0)}. */
    public UpcallArguments waitForAlarm() {
        return UpcallArguments.fromYieldWaitFor(sys.yield(Yield.WAIT_FOR, DRIVER_NUM, SUBSCRIBE_ALARM));
    }

    /** The ticks from {@code earlier} to {@code later}, modulo 2<sup>32</sup>, as an unsigned value. */
    public static long ticksBetween(int earlier, int later) {
        return Integer.toUnsignedLong(later - earlier);
    }

    /**
     * Whether {@code now} lies in {@code [reference, reference + dt)} modulo 2<sup>32</sup>, i.e. an alarm set
     * at {@code reference} for {@code dt} ticks has not yet expired (libtock-c's {@code is_within}).
     */
    public static boolean isWithin(int now, int reference, int dt) {
        return Integer.compareUnsigned(now - reference, dt) < 0;
    }
}
