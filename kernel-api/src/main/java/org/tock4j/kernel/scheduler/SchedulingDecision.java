package org.tock4j.kernel.scheduler;

import java.util.OptionalInt;

import org.tock4j.kernel.process.ProcessId;

/**
 * What a scheduler decides: run a process (for a timeslice, or cooperatively) or let the chip sleep.
 *
 * <p>Tock counterpart: {@code kernel::scheduler::SchedulingDecision}.
 */
public sealed interface SchedulingDecision {

    SchedulingDecision TRY_SLEEP = new TrySleep();

    /** Run {@code processId}; {@code timesliceUs} empty means without a timeslice (cooperatively). */
    record RunProcess(ProcessId processId, OptionalInt timesliceUs) implements SchedulingDecision {
        public RunProcess {
            if (timesliceUs.isPresent() && timesliceUs.getAsInt() <= 0) {
                throw new IllegalArgumentException("a timeslice is non-zero: " + timesliceUs);
            }
        }
    }

    /** Nothing to run: sleep if no interrupt or deferred call is pending. */
    record TrySleep() implements SchedulingDecision {}
}
