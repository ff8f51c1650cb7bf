package org.tock4j.boards.kit;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.tock4j.kernel.core.scheduler.CooperativeSched;
import org.tock4j.kernel.core.scheduler.MlfqSched;
import org.tock4j.kernel.core.scheduler.PrioritySched;
import org.tock4j.kernel.core.scheduler.RoundRobinSched;
import org.tock4j.kernel.hil.time.Time;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.scheduler.Scheduler;

/**
 * Which of Tock's schedulers a board runs.
 *
 * <pre>{@code
 * .scheduler(SchedulerChoice.RoundRobin.tockDefault())
 * .scheduler(new SchedulerChoice.Priority())
 * .scheduler(new SchedulerChoice.Cooperative())
 * .scheduler(new SchedulerChoice.Mlfq(alarm))     // in a @Provides BoardPlan method that injects the alarm
 * }</pre>
 *
 * <p>Tock counterpart: the scheduler component a board's {@code main.rs} creates
 * ({@code components::sched::*}).
 */
public sealed interface SchedulerChoice {

    /** Builds the scheduler over the kernel's process slots. */
    Scheduler create(List<Supplier<Process>> slots);

    /** The name board files use. */
    String name();

    /** The names of the choices, as board files spell them. */
    List<String> NAMES = List.of("round-robin", "priority", "cooperative", "mlfq");

    /**
     * The choice board files name {@code name}.
     *
     * @param timesliceUs round robin's timeslice (the others take theirs from Tock)
     * @param time the board's alarm or counter, which only {@code "mlfq"} needs
     * @throws IllegalArgumentException for an unknown name, or {@code "mlfq"} without a time
     */
    static SchedulerChoice named(String name, int timesliceUs, Optional<? extends Time> time) {
        return switch (name) {
            case "round-robin" -> new RoundRobin(timesliceUs);
            case "priority" -> new Priority();
            case "cooperative" -> new Cooperative();
            case "mlfq" -> new Mlfq(time.orElseThrow(() -> new IllegalArgumentException("scheduler 'mlfq' needs "
                    + "the board's alarm: its priority boost every " + MlfqSched.PRIORITY_REFRESH_PERIOD_MS
                    + " ms is measured on it")));
            default -> throw new IllegalArgumentException(
                    "unknown scheduler '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

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

    /** Fixed priority by process slot, no timeslice (Tock's {@code PriorityComponent}). */
    record Priority() implements SchedulerChoice {
        @Override
        public Scheduler create(List<Supplier<Process>> slots) {
            return new PrioritySched(slots);
        }

        @Override
        public String name() {
            return "priority";
        }
    }

    /** Cooperative round robin: each process runs until it yields (Tock's {@code CooperativeComponent}). */
    record Cooperative() implements SchedulerChoice {
        @Override
        public Scheduler create(List<Supplier<Process>> slots) {
            return new CooperativeSched(slots);
        }

        @Override
        public String name() {
            return "cooperative";
        }
    }

    /**
     * The multilevel feedback queue (Tock's {@code MLFQComponent}), whose 5 s priority boost is measured on
     * {@code time}: the board's alarm (or any counter of the board's clock). The board passes it because only
     * the board knows its timers: a {@code @Provides BoardPlan} method injects the alarm HIL and names this
     * choice with it.
     */
    record Mlfq(Time time) implements SchedulerChoice {
        public Mlfq {
            if (time == null) {
                throw new IllegalArgumentException("the MLFQ scheduler needs the board's alarm (a Time) for its "
                        + MlfqSched.PRIORITY_REFRESH_PERIOD_MS + " ms priority boost");
            }
        }

        @Override
        public Scheduler create(List<Supplier<Process>> slots) {
            return new MlfqSched(slots, time);
        }

        @Override
        public String name() {
            return "mlfq";
        }
    }
}
