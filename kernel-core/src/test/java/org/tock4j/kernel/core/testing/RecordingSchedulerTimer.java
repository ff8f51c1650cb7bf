package org.tock4j.kernel.core.testing;

import java.util.OptionalInt;

import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * A scheduler timer that logs every command the kernel gives it ({@code timer.reset},
 * {@code timer.start(us)}, {@code timer.arm}, {@code timer.disarm}) to a {@link Timeline}, then passes it on
 * to the real timer. Reading the remaining time is not logged.
 */
public final class RecordingSchedulerTimer implements SchedulerTimer {
    private final SchedulerTimer inner;
    private final Timeline timeline;

    public RecordingSchedulerTimer(SchedulerTimer inner, Timeline timeline) {
        this.inner = inner;
        this.timeline = timeline;
    }

    @Override
    public void start(int us) {
        timeline.add("timer.start(" + us + ")");
        inner.start(us);
    }

    @Override
    public void reset() {
        timeline.add("timer.reset");
        inner.reset();
    }

    @Override
    public void arm() {
        timeline.add("timer.arm");
        inner.arm();
    }

    @Override
    public void disarm() {
        timeline.add("timer.disarm");
        inner.disarm();
    }

    @Override
    public OptionalInt getRemainingUs() {
        return inner.getRemainingUs();
    }
}
