package org.tock4j.kernel.core.scheduler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.hil.time.Time;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * Multilevel feedback queue: three round-robin queues with growing timeslices; a process that uses up a whole
 * timeslice moves down a queue, and every {@value #PRIORITY_REFRESH_PERIOD_MS} ms the queues below the top
 * give their head back to the top queue.
 *
 * <pre>
 *   queue 0  10 ms  [A] B      next(): head of the first queue with a ready process (rotated to the head)
 *   queue 1  20 ms  [C]        result(TimesliceExpired): down one queue, time used reset
 *   queue 2  50 ms  [D]        result(anything else):    back of its own queue
 *   every 5000 ms (the board's clock): the head of queue 1 and of queue 2 move to the back of queue 0
 * </pre>
 *
 * <p>Time source: Tock's scheduler holds an {@code Alarm} but only reads its counter ({@code now},
 * {@code ticks_from_ms}); it never sets the alarm. This one therefore takes a {@link Time}: a board passes its
 * alarm (an {@code Alarm} is a {@code Time}, such as a virtual alarm of the board's alarm mux, as Tock's
 * {@code MLFQComponent} does) or the bare counter, and the boost period is measured on the board's virtual
 * clock, wrapping as that counter wraps.
 *
 * <p>Tock's arithmetic is kept as it is: after a run that did not use up the timeslice, the time "used in
 * this queue" is set to the timeslice given minus the time executed (what was left, not what was used), and
 * the next timeslice is the queue's timeslice minus that; the boost moves only the head of each lower queue.
 * Where that arithmetic leaves no time at all (Tock would compute zero, run the process without a timeslice and
 * then fail unwrapping its execution time, or underflow when a boosted process brings more used time than the
 * top queue's timeslice), the process gets its queue's whole timeslice instead.
 *
 * <p>Tock counterpart: {@code kernel::scheduler::mlfq::MLFQSched} ({@code kernel/src/scheduler/mlfq.rs}).
 */
public final class MlfqSched implements Scheduler {
    /** How often the lower queues are promoted to the top: Tock's {@code PRIORITY_REFRESH_PERIOD_MS}. */
    public static final int PRIORITY_REFRESH_PERIOD_MS = 5000;
    /** Tock's {@code NUM_QUEUES}. */
    public static final int NUM_QUEUES = 3;

    /** A process slot and its state: Tock's {@code MLFQProcessNode} with {@code MfProcState}. */
    private static final class Node {
        final Supplier<Process> proc;
        /** Tock's {@code us_used_this_queue}. */
        int usUsedThisQueue;

        Node(Supplier<Process> proc) {
            this.proc = proc;
        }
    }

    private final Time alarm;
    private final List<Deque<Node>> processes = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
    /** Zero ticks of the counter's width until the first {@link #next()} (Tock's {@code Ticks::from(0)}). */
    private Ticks nextReset;
    private Ticks lastResetCheck;
    private int lastTimeslice;
    private int lastQueueIdx;

    /**
     * @param slots one entry per process slot of the kernel, each giving the process there (or null); they all
     *     start in the top queue, in slot order as {@link RoundRobinSched}'s queue does
     * @param alarm the board's time, for the boost period
     */
    public MlfqSched(List<Supplier<Process>> slots, Time alarm) {
        this.alarm = alarm;
        for (Supplier<Process> slot : slots) {
            processes.getFirst().addLast(new Node(slot));
        }
    }

    /** The timeslice of queue {@code queueIdx}: 10, 20 and 50 ms, as Tock's {@code get_timeslice_us}. */
    public static int getTimesliceUs(int queueIdx) {
        return switch (queueIdx) {
            case 0 -> 10_000;
            case 1 -> 20_000;
            case 2 -> 50_000;
            default -> throw new IllegalArgumentException("invalid queue idx " + queueIdx);
        };
    }

    /** The queue the process {@code processId} is in (0 is the top), for introspection and tests. */
    public OptionalInt queueOf(ProcessId processId) {
        for (int idx = 0; idx < NUM_QUEUES; idx++) {
            if (find(processes.get(idx), processId) != null) {
                return OptionalInt.of(idx);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The microseconds the scheduler counts as used by {@code processId} in its current queue (Tock's
     * {@code us_used_this_queue}), for introspection and tests.
     */
    public OptionalInt usedThisQueue(ProcessId processId) {
        for (Deque<Node> queue : processes) {
            Node node = find(queue, processId);
            if (node != null) {
                return OptionalInt.of(node.usUsedThisQueue);
            }
        }
        return OptionalInt.empty();
    }

    private static Node find(Deque<Node> queue, ProcessId processId) {
        for (Node node : queue) {
            Process p = node.proc.get();
            if (p != null && p.processid().equals(processId)) {
                return node;
            }
        }
        return null;
    }

    /** Tock's {@code redeem_all_procs}: the head of each lower queue goes to the back of the top queue. */
    private void redeemAllProcs() {
        for (Deque<Node> queue : processes.subList(1, NUM_QUEUES)) {
            Node proc = queue.pollFirst();
            if (proc != null) {
                processes.getFirst().addLast(proc);
            }
        }
    }

    /** The queue index of the first queue holding a ready process, with that process rotated to its head. */
    private int nextReadyQueue() {
        for (int idx = 0; idx < NUM_QUEUES; idx++) {
            Deque<Node> queue = processes.get(idx);
            Node next = null;
            for (Node node : queue) {
                Process p = node.proc.get();
                if (p != null && p.ready()) {
                    next = node;
                    break;
                }
            }
            if (next != null) {
                // Cycle the queue until the match is at its head.
                while (true) {
                    Node cur = queue.pollFirst();
                    if (cur == next) {
                        queue.addFirst(cur);
                        return idx;
                    }
                    queue.addLast(cur);
                }
            }
        }
        return -1;
    }

    @Override
    public SchedulingDecision next() {
        Ticks now = alarm.now();
        if (nextReset == null) {
            nextReset = now.withValue(0);
            lastResetCheck = now.withValue(0);
        }
        // Keeping the last check catches a reset even when the counter wraps around.
        if (!now.withinRange(lastResetCheck, nextReset)) {
            nextReset = now.wrappingAdd(alarm.ticksFromMs(PRIORITY_REFRESH_PERIOD_MS));
            redeemAllProcs();
        }
        lastResetCheck = now;
        int queueIdx = nextReadyQueue();
        if (queueIdx < 0) {
            return SchedulingDecision.TRY_SLEEP;
        }
        Node node = processes.get(queueIdx).peekFirst();
        int timeslice = getTimesliceUs(queueIdx) - node.usUsedThisQueue;
        if (timeslice <= 0) {
            // Tock has no time left to give here (see the class comment): the whole timeslice instead.
            node.usUsedThisQueue = 0;
            timeslice = getTimesliceUs(queueIdx);
        }
        lastQueueIdx = queueIdx;
        lastTimeslice = timeslice;
        return new SchedulingDecision.RunProcess(node.proc.get().processid(), OptionalInt.of(timeslice));
    }

    @Override
    public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {
        int executionTime = executionTimeUs.orElseThrow(
                () -> new IllegalStateException("MLFQ always runs processes with a timeslice"));
        int queueIdx = lastQueueIdx;
        Deque<Node> queue = processes.get(queueIdx);
        // The process that ran is at the head of its queue.
        Node node = queue.peekFirst();
        if (node == null) {
            throw new IllegalStateException("MLFQ got a result with no process run from queue " + queueIdx);
        }
        node.usUsedThisQueue = lastTimeslice - executionTime;

        boolean punish = result == StoppedExecutingReason.TimesliceExpired;
        if (punish) {
            node.usUsedThisQueue = 0;
            int nextQueue = queueIdx == NUM_QUEUES - 1 ? queueIdx : queueIdx + 1;
            processes.get(nextQueue).addLast(queue.pollFirst());
        } else {
            queue.addLast(queue.pollFirst());
        }
    }

    /** MLFQ stops a process only when its timeslice expires. */
    @Override
    public boolean continueProcess(ProcessId id, Chip chip, DeferredCalls deferredCalls) {
        return true;
    }
}
