package org.tock4j.kernel.platform;

import java.util.Optional;

import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Maps driver numbers to the capsules that implement them.
 *
 * <p>Tock counterpart: {@code kernel::platform::platform::SyscallDriverLookup} ({@code with_driver}).
 */
@FunctionalInterface
public interface SyscallDriverLookup {

    Optional<SyscallDriver> withDriver(int driverNum);
}
