package org.tock4j.boards.kit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.tock4j.boards.kit.BootException;

/**
 * The {@code tock4j} command line.
 *
 * <pre>
 *   tock4j run [--board NAME | --board-file FILE] [--app NAME]... [--app-jar PATH]... [--capsule-jar PATH]...
 *              [--for DURATION] [--realtime] [--summary-json FILE] [--seed N] [--trace-syscalls]
 *              [--fault-policy POLICY] [--memory-map]
 *   tock4j boards | capsules [--capsule-jar PATH]... | apps [--app-jar PATH]...
 * </pre>
 *
 * <p>Exit status: 0 when the board ran its course, 1 when the kernel panicked, 2 for bad arguments.
 */
@Command(name = "tock4j", description = "The Tock embedded OS, rebuilt in Java for the host.",
        mixinStandardHelpOptions = true, version = "tock4j 0.1.0",
        subcommands = {RunCommand.class, ListCommands.Boards.class, ListCommands.Capsules.class,
                ListCommands.Apps.class})
public final class Main {
    /** The exit status for bad arguments. */
    static final int BAD_ARGUMENTS = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BootException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("tock4j: " + e.getMessage());
                return BAD_ARGUMENTS;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
