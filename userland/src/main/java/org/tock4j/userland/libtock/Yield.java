package org.tock4j.userland.libtock;

import java.util.function.BooleanSupplier;
import org.tock4j.userland.Syscalls;

/**
 * The three Yield system calls (class 0) and libtock-c's {@code yield_for} loop.
 *
 * <pre>{@code
 * Yield yields = new Yield(sys, heap);
 * yields.yieldFor(() -> done);                                     // run upcalls until a callback sets done
 * UpcallArguments fired = yields.yieldWaitFor(0, 0);               // the alarm's values, no callback run
 * while (yields.yieldNoWait()) {}                                  // drain pending upcalls
 * }</pre>
 *
 * <ul>
 *   <li>{@code yield(1, 0, 0)} Yield-Wait: blocks until one upcall has run.</li>
 *   <li>{@code yield(0, flag, 0)} Yield-NoWait: runs one pending upcall if any; the kernel writes 1 or 0 to the
 *       byte at {@code flag}, which this class allocates from the heap on first use.</li>
 *   <li>{@code yield(2, driver, subscribeNum)} Yield-WaitFor: blocks until that upcall is scheduled and returns
 *       its values without running any callback.</li>
 * </ul>
 *
 * <p>libtock-c counterpart: {@code yield}, {@code yield_no_wait}, {@code yield_wait_for}, {@code yield_for}
 * ({@code libtock/tock.c}); libtock-rs counterpart: {@code Syscalls::yield_wait}, {@code yield_no_wait},
 * {@code yield_wait_for}.
 */
public final class Yield {

    public static final int NO_WAIT = 0;
    public static final int WAIT = 1;
    public static final int WAIT_FOR = 2;

    private final Syscalls sys;
    private final Heap heap;
    private int flagAddress;

    public Yield(Syscalls sys, Heap heap) {
        this.sys = sys;
        this.heap = heap;
    }

    /** Yield-Wait: returns after one upcall has run. */
    public void yieldWait() {
        sys.yield(WAIT, 0, 0);
    }

    /** Yield-NoWait: runs one pending upcall if there is one, and says whether there was. */
    public boolean yieldNoWait() {
        if (flagAddress == 0) {
            flagAddress = heap.allocate(1, 1);
        }
        sys.memory().write8(flagAddress, (byte) 0);
        sys.yield(NO_WAIT, flagAddress, 0);
        return sys.memory().read8(flagAddress) != 0;
    }

    /** Yield-WaitFor: returns the values of the next upcall for {@code (driver, subscribeNum)}; no callback runs. */
    public UpcallArguments yieldWaitFor(int driver, int subscribeNum) {
        return UpcallArguments.fromYieldWaitFor(sys.yield(WAIT_FOR, driver, subscribeNum));
    }

    /** Yield-Waits until {@code condition} holds; it is checked first, then after every upcall. */
    public void yieldFor(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            yieldWait();
        }
    }
}
