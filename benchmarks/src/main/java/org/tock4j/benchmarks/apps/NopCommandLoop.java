package org.tock4j.benchmarks.apps;

import org.tock4j.benchmarks.capsule.BenchDriver;
import org.tock4j.userland.Syscalls;

/**
 * Each operation is one {@code command} to the bench capsule's command 1, which succeeds at once: the whole
 * kernel path of a system call (filter, driver lookup, return encoding) around the cheapest capsule call.
 */
public final class NopCommandLoop extends BatchedApp {

    public NopCommandLoop(String name, BatchCounter counter) {
        super(name, counter);
    }

    @Override
    protected void operation(Syscalls sys) {
        if (!sys.command(BenchDriver.DRIVER_NUM, BenchDriver.CMD_NOP, 0, 0).isSuccess()) {
            throw new IllegalStateException("the bench capsule's command 1 failed");
        }
    }
}
