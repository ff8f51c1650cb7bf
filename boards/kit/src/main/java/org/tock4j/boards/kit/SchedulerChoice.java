package org.tock4j.boards.kit;

import java.util.List;
import java.util.function.Supplier;

import org.tock4j.kernel.core.scheduler.RoundRobinSched;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.scheduler.Scheduler;

/**
 * Which of Tock's schedulers a board runs.
 *
 * <p>Tock counterpart: the scheduler component a board's {@code main.rs} creates.
 */
public sealed interface SchedulerChoice {

    /** Builds the scheduler over the kernel's process slots. */
    Scheduler create(List<Supplier<Process>> slots);

    /** The name board files use. */
    String name();

    /** Round robin with a timeslice (Tock's default 10 ms). */
    record RoundRobin(int timesliceUs) implements SchedulerChoice {
        public static RoundRobin tockDefault() {
            return new RoundRobin(RoundRobinSched.DEFAULT_TIMESLICE_US);
        }

        @Override
        public Scheduler create(List<Supplier<Process>> slots) {
            return new RoundRobinSched(slots, timesliceUs);
        }

        @Override
        public String name() {
            return "round-robin";
        }
    }
}
