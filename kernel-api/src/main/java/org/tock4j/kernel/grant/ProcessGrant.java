package org.tock4j.kernel.grant;

import java.util.Optional;

import org.tock4j.kernel.process.ProcessId;

/**
 * A grant allocated for one process; short-lived, obtained from {@link Grant#iter()}.
 *
 * <p>Tock counterpart: {@code kernel::grant::ProcessGrant}.
 */
public interface ProcessGrant<T> {

    ProcessId processid();

    /** Runs {@code fun} inside the grant; panics ("Attempted to re-enter a grant region.") if already entered. */
    <R> R enter(GrantFunction<T, R> fun);

    /** Like {@link #enter}, but silently skips a grant that is already entered. */
    <R> Optional<R> tryEnter(GrantFunction<T, R> fun);

    <R> R enterWithAllocator(GrantAllocatorFunction<T, R> fun);
}
