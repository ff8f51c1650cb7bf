package org.tock4j.benchmarks.capsule;

/**
 * Where a booted board leaves its {@link BenchDriver}, so that the benchmark holding this handle can reach the
 * capsule (start a batch, call a command directly, enter its grant). A board binds one handle; the component
 * attaches the capsule it builds.
 */
public final class BenchDriverHandle {
    private BenchDriver driver;

    void attach(BenchDriver built) {
        if (driver != null) {
            throw new IllegalStateException("this handle already holds a bench capsule");
        }
        driver = built;
    }

    /** The capsule the board built. */
    public BenchDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("no bench capsule was built: does the board's plan name \"bench\"?");
        }
        return driver;
    }
}
