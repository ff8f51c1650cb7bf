package org.tock4j.benchmarks.apps;

/**
 * How many operations the benchmark apps of one board have completed: the host starts a batch, runs the board
 * until the count reaches its target, and JMH divides the time by the batch size.
 *
 * <p>Written by a process thread while it holds the board's CPU and read by the host after the run, so a
 * volatile count is all the synchronisation it needs.
 */
public final class BatchCounter {
    private volatile long completed;

    /** Operations completed since the board booted. */
    public long completed() {
        return completed;
    }

    void add(int operations) {
        completed = completed + operations;
    }
}
