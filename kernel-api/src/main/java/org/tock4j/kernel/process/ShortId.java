package org.tock4j.kernel.process;

/**
 * A process's short application identifier.
 *
 * <p>Tock counterpart: {@code kernel::process::ShortId}.
 */
public sealed interface ShortId {

    ShortId LOCALLY_UNIQUE = new LocallyUnique();

    /** No fixed identifier; the process is unique only on this board. */
    record LocallyUnique() implements ShortId {}

    /** A fixed, non-zero 32-bit identifier. */
    record Fixed(int id) implements ShortId {
        public Fixed {
            if (id == 0) {
                throw new IllegalArgumentException("a fixed ShortId is non-zero");
            }
        }
    }
}
