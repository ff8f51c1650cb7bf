package org.tock4j.kernel.core;

import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * A test hook in front of system call handling: let a call through, answer it with an injected value, or fault
 * the process at it. Boards run without one; test tools use it for expected-syscall scripts and fault injection.
 *
 * <pre>
 *   svc ──► intercept ──┬─ Proceed ──► filter, dispatch (as Tock)
 *                       ├─ Answer(v) ──► v returned, nothing dispatched
 *                       └─ Fault ──► the process faults here (its fault policy applies)
 * </pre>
 *
 * <p>Tock counterpart: none (libtock-rs's fake kernel plays this role for Rust apps).
 */
@FunctionalInterface
public interface SyscallInterceptor {

    Interception intercept(Process process, Syscall syscall);

    /** What to do with one call. */
    sealed interface Interception {
        Interception PROCEED = new Proceed();
        Interception FAULT = new Fault();

        record Proceed() implements Interception {}

        record Answer(SyscallReturn value) implements Interception {}

        record Fault() implements Interception {}
    }

    SyscallInterceptor NONE = (process, syscall) -> Interception.PROCEED;
}
