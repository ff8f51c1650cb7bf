package org.tock4j.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.core.SyscallInterceptor;
import org.tock4j.kernel.core.SyscallInterceptor.Interception;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * The system calls one process must make, in order, each optionally answered with an injected value instead of
 * reaching the kernel: libtock-rs's fake kernel ({@code add_expected_syscall} with {@code override_return}) for
 * Java apps on a real board.
 *
 * <pre>{@code
 * SyscallScript script = SyscallScript.forProcess("blink")
 *         .expect(new Syscall.Command(0x2, 0, 0, 0)).answer(new SyscallReturn.SuccessU32(2))   // two LEDs
 *         .expect(new Syscall.Command(0x2, 2, 0, 0))                                           // real kernel
 *         .expectAny(s -> s instanceof Syscall.Command c && c.driverNumber() == 0x0).fault();  // fault here
 * board.install(script);
 * board.runFor(Duration.ofSeconds(1));
 * script.verify();   // every expected call was made, in order
 * }</pre>
 *
 * <p>A call that does not match the next expectation is recorded as a mismatch (and reaches the kernel); other
 * processes are not affected. After the last expectation, calls pass through.
 */
public final class SyscallScript implements SyscallInterceptor {
    private final String processName;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<String> mismatches = new ArrayList<>();
    private final int expectedCount;
    private int made;

    private SyscallScript(String processName, List<Step> steps) {
        this.processName = processName;
        this.steps.addAll(steps);
        this.expectedCount = steps.size();
    }

    /** Starts a script for the process named {@code processName}. */
    public static Builder forProcess(String processName) {
        return new Builder(processName);
    }

    @Override
    public Interception intercept(Process process, Syscall syscall) {
        if (!process.getProcessName().equals(processName) || steps.isEmpty()) {
            return Interception.PROCEED;
        }
        Step next = steps.peekFirst();
        if (!next.matcher().test(syscall)) {
            mismatches.add("call " + (made + 1) + ": expected " + next.description() + " but " + processName
                    + " made " + syscall);
            made++;
            return Interception.PROCEED;
        }
        steps.removeFirst();
        made++;
        return next.interception();
    }

    /** Fails unless every expected call was made, in order, with nothing unexpected in between. */
    public void verify() {
        List<String> problems = new ArrayList<>(mismatches);
        if (!steps.isEmpty()) {
            problems.add((expectedCount - steps.size()) + " of " + expectedCount + " expected calls were made; next: "
                    + steps.peekFirst().description());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("system call script for " + processName + " failed:" + System.lineSeparator()
                    + "  " + String.join(System.lineSeparator() + "  ", problems));
        }
    }

    /** Whether every expected call has been made. */
    public boolean done() {
        return steps.isEmpty();
    }

    private record Step(Predicate<Syscall> matcher, String description, Interception interception) {}

    /** Lists the expected calls. */
    public static final class Builder {
        private final String processName;
        private final List<Step> steps = new ArrayList<>();
        private Predicate<Syscall> pending;
        private String pendingDescription;

        private Builder(String processName) {
            this.processName = processName;
        }

        /** The next call must equal {@code syscall}; it reaches the kernel unless answered. */
        public Builder expect(Syscall syscall) {
            return expectAny(syscall::equals, syscall.toString());
        }

        /** The next call must satisfy {@code matcher}. */
        public Builder expectAny(Predicate<Syscall> matcher) {
            return expectAny(matcher, "a call matching the script's condition");
        }

        private Builder expectAny(Predicate<Syscall> matcher, String description) {
            flush(Interception.PROCEED);
            pending = matcher;
            pendingDescription = description;
            return this;
        }

        /** The last expected call is answered with {@code value}; the kernel never sees it. */
        public Builder answer(SyscallReturn value) {
            requirePending();
            flush(new Interception.Answer(value));
            return this;
        }

        /** The last expected call is answered with {@code Failure(error)}. */
        public Builder fail(ErrorCode error) {
            return answer(new SyscallReturn.Failure(error));
        }

        /** The process faults at the last expected call (its fault policy applies). */
        public Builder fault() {
            requirePending();
            flush(Interception.FAULT);
            return this;
        }

        public SyscallScript build() {
            flush(Interception.PROCEED);
            return new SyscallScript(processName, steps);
        }

        private void requirePending() {
            if (pending == null) {
                throw new IllegalStateException("answer/fail/fault follow an expect");
            }
        }

        private void flush(Interception interception) {
            if (pending != null) {
                steps.add(new Step(pending, pendingDescription, interception));
                pending = null;
                pendingDescription = null;
            }
        }
    }

    /** Faults {@code processName} at its {@code n}th system call (counting from 1). */
    public static SyscallInterceptor faultAtCall(String processName, int n) {
        int[] count = {0};
        return (process, syscall) -> process.getProcessName().equals(processName) && ++count[0] == n
                ? Interception.FAULT : Interception.PROCEED;
    }

    /** The description of the remaining expectation, for reports. */
    Optional<String> next() {
        return Optional.ofNullable(steps.peekFirst()).map(Step::description);
    }
}
