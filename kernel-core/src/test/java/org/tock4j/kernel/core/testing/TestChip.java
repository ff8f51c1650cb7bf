package org.tock4j.kernel.core.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.function.Supplier;

import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.Cpu;
import org.tock4j.kernel.platform.SchedulerTimer;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.kernel.platform.mpu.NoMpu;

/**
 * A chip for kernel tests: {@link TestMemory}, an MPU of the test's choice, a core that turns cycles into
 * virtual time, interrupts a test raises or schedules, and a scheduler timer on the same clock.
 *
 * <pre>
 *   clock (ns) ── executeCycles(n) ── n cycles at {@link #frequencyHz()} ── events due fire (interrupts)
 *             └─ sleep() ──────────── jumps to the next scheduled event
 * </pre>
 *
 * <p>Nothing reads the wall clock: the same test always sees the same times.
 */
public final class TestChip implements Chip {
    /** One cycle is one microsecond: timeslices and syscall costs are easy to add up. */
    public static final long DEFAULT_FREQUENCY_HZ = 1_000_000;

    private record Event(long atNs, long sequence, Runnable action) {}

    private final TestMemory memory = new TestMemory();
    private final Mpu mpu;
    private final long frequencyHz;
    private final TestCpu cpu = new TestCpu();
    private final TestSchedulerTimer schedulerTimer = new TestSchedulerTimer();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.atNs != b.atNs ? Long.compare(a.atNs, b.atNs) : Long.compare(a.sequence, b.sequence));
    private final ArrayDeque<Runnable> pendingInterrupts = new ArrayDeque<>();
    private long sequence;
    private long nowNs;
    private boolean exceptionPending;
    private int sleepCount;
    private final List<Long> sleptAtNs = new ArrayList<>();

    public TestChip() {
        this(new NoMpu());
    }

    public TestChip(Mpu mpu) {
        this(mpu, DEFAULT_FREQUENCY_HZ);
    }

    public TestChip(Mpu mpu, long frequencyHz) {
        this.mpu = mpu;
        this.frequencyHz = frequencyHz;
    }

    // ---------------------------------------------------------------- time and events

    public long nowNs() {
        return nowNs;
    }

    public long nowUs() {
        return nowNs / 1000;
    }

    public long frequencyHz() {
        return frequencyHz;
    }

    /** Runs {@code action} when the clock reaches {@code atNs}. */
    public void at(long atNs, Runnable action) {
        events.add(new Event(atNs, sequence++, action));
    }

    /** Raises an interrupt whose bottom half is {@code bottomHalf} when the clock reaches {@code atNs}. */
    public void interruptAt(long atNs, Runnable bottomHalf) {
        at(atNs, () -> raiseInterrupt(bottomHalf));
    }

    /** Raises an interrupt now; {@code bottomHalf} runs when the kernel services interrupts. */
    public void raiseInterrupt(Runnable bottomHalf) {
        pendingInterrupts.add(bottomHalf);
        exceptionPending = true;
    }

    /** Moves the clock to {@code targetNs}, firing every event due on the way, in order. */
    public void advanceTo(long targetNs) {
        while (!events.isEmpty() && events.peek().atNs <= targetNs) {
            Event e = events.poll();
            nowNs = Math.max(nowNs, e.atNs);
            e.action.run();
        }
        nowNs = Math.max(nowNs, targetNs);
    }

    public int sleepCount() {
        return sleepCount;
    }

    /** The times at which the chip went to sleep. */
    public List<Long> sleptAtNs() {
        return sleptAtNs;
    }

    public TestSchedulerTimer schedulerTimer() {
        return schedulerTimer;
    }

    // ---------------------------------------------------------------- Chip

    @Override
    public Mpu mpu() {
        return mpu;
    }

    @Override
    public void servicePendingInterrupts() {
        while (!pendingInterrupts.isEmpty()) {
            pendingInterrupts.poll().run();
        }
    }

    @Override
    public boolean hasPendingInterrupts() {
        return !pendingInterrupts.isEmpty();
    }

    /** WFI: with nothing pending, the clock jumps to the next event (and fires it); with no event, it returns. */
    @Override
    public void sleep() {
        sleepCount++;
        sleptAtNs.add(nowNs);
        if (!pendingInterrupts.isEmpty() || events.isEmpty()) {
            return;
        }
        advanceTo(events.peek().atNs);
    }

    @Override
    public <R> R atomic(Supplier<R> f) {
        return f.get();
    }

    @Override
    public TestMemory memory() {
        return memory;
    }

    @Override
    public Cpu cpu() {
        return cpu;
    }

    /** The core: cycles become virtual time; interrupts and the armed timer preempt the process. */
    private final class TestCpu implements Cpu {
        @Override
        public long frequencyHz() {
            return frequencyHz;
        }

        @Override
        public void enterUserspace() {
            exceptionPending = false;
        }

        @Override
        public void executeCycles(long cycles) {
            advanceTo(nowNs + cycles * 1_000_000_000L / frequencyHz);
        }

        @Override
        public boolean takePendingException() {
            boolean taken = exceptionPending || schedulerTimer.firing();
            exceptionPending = false;
            return taken;
        }
    }

    /** A scheduler timer on the chip's clock, like SysTick: counts down, interrupts only while armed. */
    public final class TestSchedulerTimer implements SchedulerTimer {
        private long expiresAtNs = -1;
        private boolean armed;
        private final List<Integer> starts = new ArrayList<>();

        @Override
        public void start(int us) {
            expiresAtNs = nowNs + us * 1000L;
            starts.add(us);
        }

        @Override
        public void reset() {
            expiresAtNs = -1;
            armed = false;
        }

        @Override
        public void arm() {
            armed = true;
        }

        @Override
        public void disarm() {
            armed = false;
        }

        @Override
        public OptionalInt getRemainingUs() {
            if (expiresAtNs < 0 || nowNs >= expiresAtNs) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) ((expiresAtNs - nowNs) / 1000));
        }

        /** Every timeslice the timer was started with, in order. */
        public List<Integer> starts() {
            return starts;
        }

        boolean firing() {
            return armed && expiresAtNs >= 0 && nowNs >= expiresAtNs;
        }
    }
}
