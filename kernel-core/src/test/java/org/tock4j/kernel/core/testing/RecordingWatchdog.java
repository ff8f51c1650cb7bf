package org.tock4j.kernel.core.testing;

import org.tock4j.kernel.platform.Watchdog;

/**
 * A watchdog that logs what the kernel loop does with it ({@code watchdog.setup}, {@code watchdog.tickle},
 * {@code watchdog.suspend}, {@code watchdog.resume}) to a {@link Timeline}.
 */
public final class RecordingWatchdog implements Watchdog {
    private final Timeline timeline;

    public RecordingWatchdog(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void setup() {
        timeline.add("watchdog.setup");
    }

    @Override
    public void tickle() {
        timeline.add("watchdog.tickle");
    }

    @Override
    public void suspend() {
        timeline.add("watchdog.suspend");
    }

    @Override
    public void resume() {
        timeline.add("watchdog.resume");
    }
}
