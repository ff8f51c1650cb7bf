package org.tock4j.boards.kit.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal (status line) or a pipe (timestamped lines only). */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ may hand out a Console even when redirected; it then says whether it is a terminal.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a Console exists only for a terminal.
        }
    }
}
