package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.api.io.TempDir;

import org.tock4j.boards.kit.cli.Main;

/** The {@code ./tock4j run} command, run in process exactly as the launcher runs it. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class RunCommandTests {

    private static final String EXITER = """
            package external.apps;

            import org.tock4j.userland.App;
            import org.tock4j.userland.Syscalls;

            public final class Exiter implements App {
                public String name() { return "exiter"; }
                public void main(Syscalls sys) { sys.exit(0, 42); }
            }
            """;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void runWithoutArgumentsBootsHelloAndBlinkForTenSeconds(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("summary.json");
        Run run = run("run", "--summary-json", json.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("] Hello World!", "] LED1 on", "] LED1 off");
        assertThat(Files.readString(json))
                .contains("\"board\": \"nrf52840dk\"", "\"virtualTimeNs\": 10000000000", "\"panic\": null")
                .contains("\"name\": \"hello\"", "\"name\": \"blink\"");
    }

    @Test
    void anAppJarBuiltAgainstUserlandAloneRunsAndReportsItsExitCode(@TempDir Path dir) throws Exception {
        Path jar = ExternalAppJar.build(dir, "external.apps.Exiter", EXITER, false);
        Path json = dir.resolve("summary.json");

        Run run = run("run", "--app-jar", jar.toString(), "--for", "100ms", "--summary-json", json.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(json)).contains(
                "{\"name\": \"exiter\", \"state\": \"Terminated\", \"completionCode\": 42, \"restarts\": 0}");
    }

    @Test
    void aModularAppJarRunsToo(@TempDir Path dir) throws Exception {
        Path jar = ExternalAppJar.build(dir, "external.apps.Exiter", EXITER, true);
        Path json = dir.resolve("summary.json");

        Run run = run("run", "--app", "hello", "--app-jar", jar.toString(), "--for", "100ms", "--summary-json",
                json.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Hello World!");
        assertThat(Files.readString(json)).contains("\"name\": \"hello\"", "\"completionCode\": 42");
    }

    @Test
    void anUnknownBoardIsOneLineNamingItAndTheKnownBoards() {
        Run run = run("run", "--board", "nosuchboard");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("tock4j: unknown board 'nosuchboard' (known: hail, imix, nrf52840dk)");
    }

    @Test
    void anUnknownAppIsNamedWithTheKnownApps() {
        Run run = run("run", "--app", "nosuchapp");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown app 'nosuchapp' (known: ", "blink", "hello");
    }

    @Test
    void aMissingOrTruncatedJarIsNamed(@TempDir Path dir) throws Exception {
        Run missing = run("run", "--app-jar", dir.resolve("nope.jar").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("jar not found: " + dir.resolve("nope.jar"));

        Path jar = ExternalAppJar.build(dir, "external.apps.Exiter", EXITER, false);
        Run truncated = run("run", "--app-jar", ExternalAppJar.truncated(jar, dir).toString());
        assertThat(truncated.status()).isEqualTo(2);
        assertThat(truncated.err()).contains("cannot read jar " + dir.resolve("truncated.jar"));
    }

    @Test
    void aBadDurationIsRejectedWithTheExpectedForm() {
        Run run = run("run", "--for", "10 parsecs");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("is not a duration: write a number with a unit, e.g. 250ms, 10s, 5m, 1h");
    }

    @Test
    void listCommandsNameWhatDiscoveryFound() {
        assertThat(run("boards").out()).contains("nrf52840dk");
        assertThat(run("capsules").out()).contains("console", "0x1", "alarm", "led");
        assertThat(run("apps").out()).contains("hello", "blink");
    }
}
