/**
 * Tock's scheduling policies: round robin, fixed priority, cooperative and the multilevel feedback queue.
 *
 * <pre>{@code
 * List<Supplier<Process>> slots = kernel.processSlotSuppliers();
 * Scheduler roundRobin = new RoundRobinSched(slots);          // 10 ms timeslices, in turn
 * Scheduler priority = new PrioritySched(slots);              // slot 0 first, no timeslice
 * Scheduler cooperative = new CooperativeSched(slots);        // in turn, each until it yields
 * Scheduler mlfq = new MlfqSched(slots, alarm);               // 10/20/50 ms queues, 5 s boost on the alarm's clock
 * }</pre>
 */
package org.tock4j.kernel.core.scheduler;
