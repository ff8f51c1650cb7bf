package org.tock4j.boards.kit;

import java.util.List;

/**
 * A board could not be booted as asked: an unknown board, app or capsule, a HIL no binding satisfies, a driver
 * number used twice, an unreadable jar. Every problem is listed, numbered, each naming what was wrong and what
 * exists; nothing was booted.
 */
public final class BootException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public BootException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public BootException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder sb = new StringBuilder(problems.size() + " problems:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(System.lineSeparator()).append(i + 1).append(") ").append(problems.get(i));
        }
        return sb.toString();
    }
}
