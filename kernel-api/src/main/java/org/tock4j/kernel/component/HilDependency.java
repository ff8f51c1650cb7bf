package org.tock4j.kernel.component;

/**
 * A HIL a component needs, by type and optionally by qualifier: {@code Uart} qualified {@code "console"},
 * {@code Alarm}, every {@code Led}.
 *
 * <pre>{@code
 * static final HilDependency<Uart> CONSOLE_UART = HilDependency.qualified(Uart.class, "console");
 * static final HilDependency<Led> LEDS = HilDependency.all(Led.class);
 * }</pre>
 *
 * @param qualifier the binding's name, or {@code ""} for the unqualified binding
 * @param all whether the component takes every binding of the type, in the board's order
 */
public record HilDependency<T>(Class<T> type, String qualifier, boolean all) {

    public HilDependency {
        if (type == null || qualifier == null) {
            throw new IllegalArgumentException("a HIL dependency needs a type and a qualifier (\"\" for none)");
        }
    }

    /** The board's one unqualified binding of {@code type}. */
    public static <T> HilDependency<T> of(Class<T> type) {
        return new HilDependency<>(type, "", false);
    }

    /** The binding of {@code type} named {@code qualifier}. */
    public static <T> HilDependency<T> qualified(Class<T> type, String qualifier) {
        return new HilDependency<>(type, qualifier, false);
    }

    /** Every binding of {@code type}, as an ordered list. */
    public static <T> HilDependency<T> all(Class<T> type) {
        return new HilDependency<>(type, "", true);
    }

    /** Reads as a board file names it: {@code Uart@console}, {@code Led[]}. */
    @Override
    public String toString() {
        return type.getSimpleName() + (all ? "[]" : "") + (qualifier.isEmpty() ? "" : "@" + qualifier);
    }
}
