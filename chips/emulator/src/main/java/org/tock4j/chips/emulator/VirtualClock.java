package org.tock4j.chips.emulator;

import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A board's time: nanoseconds since reset, and the queue of events peripheral models wait on.
 *
 * <p>Events run in (time, insertion) order, so the same inputs always give the same run. Time moves only
 * when asked:
 *
 * <ul>
 *   <li>{@link #advanceTo(long)} — the core executed instructions: every event due by then runs (each at
 *       its own time), and the clock ends at the requested time. The horizon does not apply.</li>
 *   <li>{@link #sleepUntilNextEvent()} — the core waits for an interrupt (WFI): the clock jumps to the next
 *       event, but never past the {@linkplain #setHorizon(long) horizon}; how long that takes in real time
 *       is the {@link Pacing}'s business.</li>
 * </ul>
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * ScheduledEvent e = clock.schedule(5_000, () -> System.out.println("at 5 µs"));
 * clock.advanceTo(10_000);   // prints, then now() == 10_000
 * }</pre>
 *
 * <p>The clock belongs to one thread at a time (the board's CPU); only {@link #postFromHost(Runnable)} and
 * {@link #wakeUp()} may be called from other threads.
 *
 * <p>Tock counterpart: none; on hardware, time simply passes.
 */
public final class VirtualClock {
    private static final Comparator<ScheduledEvent> ORDER = ScheduledEvent::compareTo;

    /** Cancelled events are swept out of the queue only once there are more than this many. */
    private static final int SWEEP_THRESHOLD = 32;

    private final PriorityQueue<ScheduledEvent> queue = new PriorityQueue<>(ORDER);
    private final Queue<Runnable> hostActions = new ConcurrentLinkedQueue<>();
    private final Pacing pacing;
    private long now;
    private long horizon = Long.MAX_VALUE;
    private long nextSequence;
    /**
     * No pending event is due before this time: a lower bound, lowered by {@link #schedule} and raised again
     * after events ran. Cancelling an event only removes one, so the bound stays true. Lets
     * {@link #advanceTo(long)} skip the queue when the core executes a few cycles with nothing due.
     */
    private long noEventBefore = Long.MAX_VALUE;
    /**
     * Cancelled events still in the queue. A timer that is re-armed all the time (SysTick at every
     * timeslice) would otherwise fill the queue with dead events until their time comes; past half the queue
     * they are swept out.
     */
    private int cancelledInQueue;
    private long eventsRun;
    private long hostActionsRun;
    private boolean running;

    /** A clock at time 0 with {@link FullSpeed} pacing. */
    public VirtualClock() {
        this(Pacing.fullSpeed());
    }

    public VirtualClock(Pacing pacing) {
        this.pacing = Objects.requireNonNull(pacing, "pacing");
    }

    /** Nanoseconds since reset. */
    public long now() {
        return now;
    }

    public Pacing pacing() {
        return pacing;
    }

    /**
     * Schedules {@code action} at {@code atNs}; a time already past means "now" (it runs at the next
     * advance). Returns a handle that can cancel it.
     */
    public ScheduledEvent schedule(long atNs, Runnable action) {
        Objects.requireNonNull(action, "action");
        ScheduledEvent event = new ScheduledEvent(Math.max(atNs, now), nextSequence++, action, this);
        queue.add(event);
        noEventBefore = Math.min(noEventBefore, event.timeNs());
        return event;
    }

    /** Schedules {@code action} {@code delayNs} nanoseconds from now. */
    public ScheduledEvent scheduleAfter(long delayNs, Runnable action) {
        if (delayNs < 0) {
            throw new IllegalArgumentException("negative delay: " + delayNs);
        }
        return schedule(saturatingAdd(now, delayNs), action);
    }

    /** When the earliest pending event is due; empty if none is. */
    public OptionalLong nextEventTime() {
        ScheduledEvent head = head();
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.timeNs());
    }

    /** How many events are waiting. */
    public int pendingEventCount() {
        sweepCancelled();
        return queue.size();
    }

    /** An event of this clock was cancelled while queued (or while running: then it is no longer queued). */
    void cancelled() {
        cancelledInQueue++;
        if (cancelledInQueue > SWEEP_THRESHOLD && cancelledInQueue > queue.size() / 2) {
            sweepCancelled();
        }
    }

    private void sweepCancelled() {
        queue.removeIf(e -> !e.isPending());
        cancelledInQueue = 0;
    }

    /** How many events have run since reset (for benchmarks and diagnostics). */
    public long eventsRun() {
        return eventsRun;
    }

    /**
     * Runs every event due at or before {@code ns}, each with the clock set to its own time (an event may
     * schedule more, which run too if due), and ends with {@code now() == ns}.
     *
     * @throws IllegalArgumentException if {@code ns} is in the past
     * @throws IllegalStateException if called from inside an event
     */
    public void advanceTo(long ns) {
        if (ns < now) {
            throw new IllegalArgumentException("time cannot go back: now " + now + " ns, asked for " + ns + " ns");
        }
        if (running) {
            throw new IllegalStateException("advanceTo called from inside an event at " + now + " ns");
        }
        if (ns < noEventBefore && hostActions.isEmpty()) {
            now = ns;
            return;
        }
        running = true;
        try {
            runHostActions();
            ScheduledEvent head;
            while ((head = head()) != null && head.timeNs() <= ns) {
                queue.poll();
                now = head.timeNs();
                eventsRun++;
                head.fire();
            }
            noEventBefore = head == null ? Long.MAX_VALUE : head.timeNs();
            now = ns;
        } finally {
            running = false;
        }
    }

    /** {@link #advanceTo(long)} {@code deltaNs} from now. */
    public void advanceBy(long deltaNs) {
        if (deltaNs < 0) {
            throw new IllegalArgumentException("negative delta: " + deltaNs);
        }
        advanceTo(saturatingAdd(now, deltaNs));
    }

    /** The time sleeping may not pass; {@link Long#MAX_VALUE} when unbounded. */
    public long horizon() {
        return horizon;
    }

    /** Bounds {@link #sleepUntilNextEvent()}: a sleep stops at {@code ns} at the latest. */
    public void setHorizon(long ns) {
        this.horizon = ns;
    }

    public void clearHorizon() {
        this.horizon = Long.MAX_VALUE;
    }

    /**
     * Waits for the next event, as a core's WFI does: advances to the next event's time (running it and every
     * event due then) but never past the horizon; with no event before the horizon, the clock stops at the
     * horizon. Host actions posted meanwhile run at the time reached.
     *
     * @return true if something happened (an event or a host action ran); false if the clock only reached
     *     the horizon, was already there, or had nothing to wait for
     */
    public boolean sleepUntilNextEvent() {
        long before = eventsRun + hostActionsRun;
        runHostActions();
        if (now < horizon) {
            ScheduledEvent head = head();
            long target = Math.min(head == null ? Long.MAX_VALUE : head.timeNs(), horizon);
            long reached = Math.max(now, Math.min(target, pacing.awaitVirtualTime(now, target)));
            advanceTo(reached);
            runHostActions();
        }
        return eventsRun + hostActionsRun != before;
    }

    /**
     * Queues {@code action} to run on the clock's thread at the current virtual time, at the next advance or
     * sleep, and wakes a realtime sleep. Safe from any thread: the way host input (a keystroke, a button on
     * the CLI) enters a running board.
     */
    public void postFromHost(Runnable action) {
        hostActions.add(Objects.requireNonNull(action, "action"));
        pacing.wakeUp();
    }

    /** Ends a realtime sleep early; safe from any thread. */
    public void wakeUp() {
        pacing.wakeUp();
    }

    private void runHostActions() {
        Runnable action;
        while ((action = hostActions.poll()) != null) {
            hostActionsRun++;
            action.run();
        }
    }

    private ScheduledEvent head() {
        ScheduledEvent head;
        while ((head = queue.peek()) != null && !head.isPending()) {
            queue.poll();
            if (cancelledInQueue > 0) {
                cancelledInQueue--;
            }
        }
        return head;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public String toString() {
        return "VirtualClock[now " + now + " ns, " + pendingEventCount() + " events pending]";
    }
}
