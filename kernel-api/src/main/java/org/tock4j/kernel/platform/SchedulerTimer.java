package org.tock4j.kernel.platform;

import java.util.OptionalInt;

/**
 * The timer that bounds a process's timeslice.
 *
 * <p>Tock counterpart: {@code kernel::platform::scheduler_timer::SchedulerTimer}; {@link #NONE} is Tock's
 * {@code ()} implementation, used when a process runs without a timeslice.
 */
public interface SchedulerTimer {

    /** Starts counting down {@code us} microseconds (non-zero); does not enable the interrupt. */
    void start(int us);

    /** Stops the timer and clears any expiration. */
    void reset();

    /** Lets the expiration interrupt the running process. */
    void arm();

    /** Expiration no longer interrupts; the timer keeps counting. */
    void disarm();

    /** The microseconds left; empty once the timer has expired. */
    OptionalInt getRemainingUs();

    /** No timer: never expires, always reports 10,000 µs left (Tock's {@code impl SchedulerTimer for ()}). */
    SchedulerTimer NONE = new SchedulerTimer() {
        private static final OptionalInt REMAINING = OptionalInt.of(10_000);

        @Override
        public void start(int us) {}

        @Override
        public void reset() {}

        @Override
        public void arm() {}

        @Override
        public void disarm() {}

        @Override
        public OptionalInt getRemainingUs() {
            return REMAINING;
        }
    };
}
