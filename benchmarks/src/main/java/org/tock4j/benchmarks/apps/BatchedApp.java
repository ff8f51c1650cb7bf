package org.tock4j.benchmarks.apps;

import org.tock4j.benchmarks.capsule.BenchDriver;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Yield;

/**
 * An app that sleeps in yield-wait until the host starts a batch (the bench capsule's batch upcall with the
 * batch size), then performs its operation that many times, counts them, and sleeps again.
 *
 * <pre>
 *   main: setUp ─ subscribe(bench, batch) ─┬─ yield-wait until a batch arrives
 *                                          └─ operation × size ─ count ─┘
 * </pre>
 *
 * <p>Everything a batch does runs on the process's own thread; virtual time passes only by the cycles each
 * system call costs, so a run is deterministic.
 */
public abstract class BatchedApp implements App {
    private final String name;
    private final BatchCounter counter;
    private int requested;

    protected BatchedApp(String name, BatchCounter counter) {
        this.name = name;
        this.counter = counter;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void main(Syscalls sys) {
        setUp(sys);
        int onBatch = sys.upcallAddress((size, unused1, unused2, appData) -> requested += size);
        sys.subscribe(BenchDriver.DRIVER_NUM, BenchDriver.UPCALL_BATCH, onBatch, 0);
        while (true) {
            while (requested == 0) {
                sys.yield(Yield.WAIT, 0, 0);
            }
            int size = requested;
            requested = 0;
            for (int i = 0; i < size; i++) {
                operation(sys);
            }
            counter.add(size);
        }
    }

    /** Runs once before the first batch. */
    protected void setUp(Syscalls sys) {}

    /** One operation of the batch. */
    protected abstract void operation(Syscalls sys);
}
