package org.tock4j.boards.kit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.tock4j.boards.kit.Discovery;

/** {@code ./tock4j boards|capsules|apps}: what discovery found and where it came from. */
final class ListCommands {
    private ListCommands() {}

    @Command(name = "boards", description = "List the boards discovery finds.", mixinStandardHelpOptions = true)
    static final class Boards implements Callable<Integer> {
        @Override
        public Integer call() {
            Discovery.standard().boards().forEach(f -> System.out.printf("%-14s %-40s %s%n", f.value().name(),
                    f.value().description(), f.origin()));
            return 0;
        }
    }

    @Command(name = "capsules", description = "List the capsule components discovery finds.",
            mixinStandardHelpOptions = true)
    static final class Capsules implements Callable<Integer> {
        @Option(names = "--capsule-jar", paramLabel = "PATH", description = "Also look in this jar; repeatable.")
        List<Path> capsuleJars = new ArrayList<>();

        @Override
        public Integer call() {
            Discovery.withJars(capsuleJars).capsules().forEach(f -> System.out.printf("%-16s %#9x  %s%n",
                    f.value().name(), f.value().defaultDriverNumber(), f.origin()));
            return 0;
        }
    }

    @Command(name = "apps", description = "List the apps discovery finds.", mixinStandardHelpOptions = true)
    static final class Apps implements Callable<Integer> {
        @Option(names = "--app-jar", paramLabel = "PATH", description = "Also look in this jar; repeatable.")
        List<Path> appJars = new ArrayList<>();

        @Override
        public Integer call() {
            Discovery.withJars(appJars).apps().forEach(f -> System.out.printf("%-16s %7d B RAM  %s%n",
                    f.value().name(), f.value().minimumRamBytes(), f.origin()));
            return 0;
        }
    }
}
