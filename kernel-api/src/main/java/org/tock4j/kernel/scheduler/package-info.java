/**
 * The scheduler SPI: a board picks a policy (round robin, priority, cooperative, MLFQ) and the kernel loop
 * asks it what to run.
 *
 * <pre>{@code
 * switch (scheduler.next()) {
 *     case SchedulingDecision.RunProcess(ProcessId id, OptionalInt timeslice) -> ...
 *     case SchedulingDecision.TrySleep s -> ...
 * }
 * }</pre>
 */
package org.tock4j.kernel.scheduler;
