package org.tock4j.boards.kit.cli;

import java.io.PrintStream;

/**
 * Progress of a long run at full speed: once a second of wall time, the virtual time reached and the speed-up
 * over real time, on standard error.
 */
final class Progress {
    private static final long EVERY_NS = 1_000_000_000L;

    private final PrintStream err;
    private final long wallStart;
    private final boolean enabled;
    private long nextReport;
    private boolean shown;

    Progress(PrintStream err, long wallStart, boolean enabled) {
        this.err = err;
        this.wallStart = wallStart;
        this.enabled = enabled;
        this.nextReport = wallStart + EVERY_NS;
    }

    void report(long virtualNs) {
        long now = System.nanoTime();
        if (!enabled || now < nextReport) {
            return;
        }
        nextReport = now + EVERY_NS;
        double wall = (now - wallStart) / 1e9;
        err.printf("\r[tock4j] %.3f s of virtual time, %s real time", virtualNs / 1e9, speedUp(virtualNs / 1e9, wall));
        err.flush();
        shown = true;
    }

    /** Virtual over wall time as {@code 12345x}, or {@code 0.09x} when slower than about ten times real time. */
    static String speedUp(double virtualS, double wallS) {
        double ratio = wallS > 0 ? virtualS / wallS : 0;
        return String.format(ratio >= 10 ? "%.0fx" : "%.2fx", ratio);
    }

    void done() {
        if (shown) {
            err.println();
        }
    }
}
