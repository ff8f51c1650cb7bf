package org.tock4j.benchmarks.apps;

import java.util.concurrent.atomic.AtomicInteger;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;

/**
 * An app whose first statement counts that it was reached: boot is over for a process once its code runs.
 * Afterwards it returns, leaving the process yielding forever, as libtock-c does after {@code main}.
 */
public final class FirstStatement implements App {
    private final String name;
    private final AtomicInteger reached;

    /** @param reached counts the processes that reached their first statement */
    public FirstStatement(String name, AtomicInteger reached) {
        this.name = name;
        this.reached = reached;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void main(Syscalls sys) {
        reached.incrementAndGet();
    }
}
