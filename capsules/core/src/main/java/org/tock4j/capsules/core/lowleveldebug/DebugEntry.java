package org.tock4j.capsules.core.lowleveldebug;

/**
 * One message a process asked for, waiting in its queue, and how it is printed.
 *
 * <p>Tock counterpart: {@code capsules_core::low_level_debug::DebugEntry} and its formatting in
 * {@code low_level_debug/fmt.rs}.
 */
sealed interface DebugEntry {

    /** The line printed for this entry from process {@code appNum}, newline included. */
    String format(int appNum);

    /** Some entries of the process were lost because its queue was full. */
    record Dropped(int count) implements DebugEntry {
        @Override
        public String format(int appNum) {
            return "LowLevelDebug: Dropped " + hex(count) + " entries for app " + hex(appNum) + "\n";
        }
    }

    /** A predefined alert code. */
    record AlertCode(int code) implements DebugEntry {
        @Override
        public String format(int appNum) {
            return "LowLevelDebug: App " + hex(appNum) + " alert code " + hex(code) + "\n";
        }
    }

    /** One number. */
    record Print1(int number) implements DebugEntry {
        @Override
        public String format(int appNum) {
            return "LowLevelDebug: App " + hex(appNum) + " prints " + hex(number) + "\n";
        }
    }

    /** Two numbers. */
    record Print2(int first, int second) implements DebugEntry {
        @Override
        public String format(int appNum) {
            return "LowLevelDebug: App " + hex(appNum) + " prints " + hex(first) + " " + hex(second) + "\n";
        }
    }

    /** A 32-bit {@code usize} as Rust's {@code 0x{:x}} prints it: lower case, no padding. */
    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
