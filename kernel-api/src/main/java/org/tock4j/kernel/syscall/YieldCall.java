package org.tock4j.kernel.syscall;

import java.util.Optional;

/**
 * The yield variants (the {@code which} argument of a yield).
 *
 * <p>Tock counterpart: {@code kernel::syscall::YieldCall}.
 */
public enum YieldCall {
    NoWait(0),
    Wait(1),
    WaitFor(2);

    private final int number;

    YieldCall(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The variant numbered {@code which}; empty for numbers TRD104 does not define. */
    public static Optional<YieldCall> tryFrom(int which) {
        return switch (which) {
            case 0 -> Optional.of(NoWait);
            case 1 -> Optional.of(Wait);
            case 2 -> Optional.of(WaitFor);
            default -> Optional.empty();
        };
    }
}
