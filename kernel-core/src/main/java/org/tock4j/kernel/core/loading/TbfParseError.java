package org.tock4j.kernel.core.loading;

/**
 * Why a TBF header could not be parsed.
 *
 * <p>Tock counterpart: {@code tock_tbf::types::TbfParseError} and {@code InitialTbfParseError}.
 */
public sealed interface TbfParseError {

    /** Flash ends inside the header (or is erased: no app here). */
    record NotEnoughFlash() implements TbfParseError {}

    /** The header version is not 2. */
    record UnsupportedVersion(int version) implements TbfParseError {}

    /** The sizes in the first eight bytes are impossible. */
    record InvalidHeader(int totalSize) implements TbfParseError {}

    record ChecksumMismatch(int expected, int actual) implements TbfParseError {}

    /** A TLV of this type has the wrong length. */
    record BadTlvEntry(int type) implements TbfParseError {}

    /** The package name is not UTF-8. */
    record BadProcessName() implements TbfParseError {}

    /** A TLV holds more entries than the kernel supports. */
    record TooManyEntries(int type) implements TbfParseError {}
}
