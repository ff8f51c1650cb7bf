package org.tock4j.kernel.process;

import java.util.OptionalInt;

/**
 * The addresses that bound a process's flash and RAM regions.
 *
 * <p>Tock counterpart: {@code kernel::process::ProcessAddresses}.
 */
public record ProcessAddresses(
        int flashStart,
        int flashNonProtectedStart,
        int flashIntegrityEnd,
        int flashEnd,
        int sramStart,
        int sramAppBrk,
        int sramGrantStart,
        int sramEnd,
        OptionalInt sramHeapStart,
        OptionalInt sramStackTop,
        OptionalInt sramStackBottom) {}
