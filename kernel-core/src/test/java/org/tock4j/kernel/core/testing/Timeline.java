package org.tock4j.kernel.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * One ordered log shared by the recording fakes ({@link RecordingSchedulerTimer}, {@link RecordingMpu},
 * {@link RecordingWatchdog}), apps and capsules of a test, so that a test can assert the order in which the
 * kernel drives them. The kernel thread and process threads take turns on the one CPU; the log is
 * synchronized all the same.
 */
public final class Timeline {
    private final List<String> events = new ArrayList<>();

    public synchronized void add(String event) {
        events.add(event);
    }

    /** A copy of every event so far, oldest first. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }
}
