package org.tock4j.userland.libtock;

import org.tock4j.userland.Registers;

/**
 * The three values a driver scheduled with an upcall, as Yield-WaitFor returns them in r0..r2 (TRD104 4.1.3).
 *
 * <p>libtock-c counterpart: {@code yield_waitfor_return_t}.
 */
public record UpcallArguments(int arg0, int arg1, int arg2) {

    /** The values Yield-WaitFor left in r0..r2. */
    public static UpcallArguments fromYieldWaitFor(Registers r) {
        return new UpcallArguments(r.r0(), r.r1(), r.r2());
    }
}
