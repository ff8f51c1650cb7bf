package org.tock4j.kernel.core.loading;

/**
 * Why a binary in flash cannot become a process.
 *
 * <p>Tock counterpart: {@code kernel::process_binary::ProcessBinaryError}.
 */
public sealed interface ProcessBinaryError {

    /** No TBF header here: the end of the apps. */
    record TbfHeaderNotFound() implements ProcessBinaryError {}

    record TbfHeaderParseFailure(TbfParseError error) implements ProcessBinaryError {}

    /** The binary claims more flash than there is. */
    record NotEnoughFlash() implements ProcessBinaryError {}

    /** The binary needs a kernel version this kernel is not (or names none). */
    record IncompatibleKernelVersion(int major, int minor, boolean present) implements ProcessBinaryError {}

    record IncorrectFlashAddress(int actualAddress, int expectedAddress) implements ProcessBinaryError {}

    record NotEnabledProcess() implements ProcessBinaryError {}

    /** A padding header: no app, only space. */
    record Padding() implements ProcessBinaryError {}
}
