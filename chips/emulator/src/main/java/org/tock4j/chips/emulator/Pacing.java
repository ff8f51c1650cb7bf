package org.tock4j.chips.emulator;

/**
 * How the {@link VirtualClock} relates idle virtual time to the wall clock.
 *
 * <ul>
 *   <li>{@link FullSpeed} (the default): idle time is skipped; no wall-clock read ever happens, so runs are
 *       deterministic and far faster than real time.</li>
 *   <li>{@link Realtime}: an idle chip waits on the wall clock so virtual time tracks real time; host input
 *       (a keystroke for the UART) wakes it early through {@link #wakeUp()}.</li>
 * </ul>
 *
 * <p>Tock counterpart: none; a real chip sleeps in real time.
 */
public sealed interface Pacing permits FullSpeed, Realtime {

    /**
     * Called by the clock's thread when the chip sleeps from {@code nowNs} until {@code targetNs}
     * ({@link Long#MAX_VALUE} when nothing is scheduled and there is no horizon). Returns the virtual time the
     * sleep reached: {@code targetNs}, or earlier when woken; never below {@code nowNs}.
     */
    long awaitVirtualTime(long nowNs, long targetNs);

    /** Ends a sleep early; safe to call from any thread. */
    void wakeUp();

    /** Skips idle time at once: the default. */
    static Pacing fullSpeed() {
        return FullSpeed.INSTANCE;
    }

    /** Keeps virtual time in step with the wall clock while idle (interactive runs). */
    static Pacing realtime() {
        return new Realtime();
    }
}
