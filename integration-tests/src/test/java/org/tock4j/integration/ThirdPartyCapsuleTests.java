package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootException;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.ProcessInfo;
import org.tock4j.boards.kit.SyscallRecord;
import org.tock4j.boards.kit.cli.Main;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.kernel.syscall.Syscall;

/**
 * A capsule from outside tock4j — the beeper of {@code capsules/examples/beeper}, a jar with the capsule and its
 * {@code CapsuleComponent} — enabled on a board by naming it in a board file and giving its jar at run time, with
 * no change to any other module. Its classes are not on this suite's class path: the board finds them only in the
 * jar.
 *
 * <p>The CLI runs in process, so its output is read by swapping {@code System.out} and {@code System.err}.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ThirdPartyCapsuleTests {

    /** Beeps 100 ms, checks a second beep is BUSY meanwhile, and exits with the duration the upcall reports. */
    private static final String BEEP_ONCE = """
            package external.apps;

            import org.tock4j.userland.App;
            import org.tock4j.userland.Syscalls;

            public final class BeepOnce implements App {
                static final int BEEPER = 0x90010;
                static final int BUSY = 2;

                public String name() { return "beep-once"; }

                public void main(Syscalls sys) {
                    int[] heard = {-1};
                    if (sys.subscribe(BEEPER, 0, sys.upcallAddress((ms, unused, unused2, data) -> heard[0] = ms), 0)
                            .isFailure()) sys.exit(0, 1);
                    if (sys.command(BEEPER, 0, 0, 0).isFailure()) sys.exit(0, 2);
                    if (sys.command(BEEPER, 1, 100, 0).isFailure()) sys.exit(0, 3);
                    if (sys.command(BEEPER, 1, 100, 0).errorCode() != BUSY) sys.exit(0, 4);
                    while (heard[0] < 0) sys.yield(1, 0, 0);
                    sys.exit(0, heard[0]);
                }
            }
            """;

    /** The nRF52840 with an alarm, a console and the beeper on P1.10; the beeper's entry starts on line 8. */
    private static final String BOARD_FILE = """
            board: beeper-test-board
            chip: nRF52840
            capsules:
              - component: alarm
                alarm: RTC1
              - component: console
                uart: UARTE0
              - component: beeper
                driver: 0x90010
                pin: P1.10
                alarm: RTC1
            """;

    private static final String BEEPER_PIN = "P1.10";
    private static final long RTC_HZ = 32_768;

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
    void theBeeperIsNotOnThisSuitesClassPath() {
        assertThatThrownBy(() -> Class.forName("org.example.capsules.beeper.BeeperComponent"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(run("capsules").out()).doesNotContain("beeper");
    }

    @Test
    void theCapsulesCommandFindsTheBeeperInItsJarAndNamesTheJar(@TempDir Path dir) throws IOException {
        Path jar = beeperJar(dir);

        Run run = run("capsules", "--capsule-jar", jar.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .anyMatch(line -> line.matches("beeper\\s+0x90010\\s+" + java.util.regex.Pattern.quote(
                        jar.toAbsolutePath().normalize().toString())))
                .anyMatch(line -> line.startsWith("console "));
    }

    @Test
    void aBoardFileNamingTheBeeperRunsItFromTheCapsuleJarAndTheAppHearsTheBeepEnd(@TempDir Path dir)
            throws IOException {
        Path boardFile = Files.writeString(dir.resolve("beeper-board.yaml"), BOARD_FILE);
        Path app = ExternalAppJar.build(dir.resolve("app"), "external.apps.BeepOnce", BEEP_ONCE, false);
        Path json = dir.resolve("summary.json");

        Run run = run("run", "--board-file", boardFile.toString(), "--capsule-jar", beeperJar(dir).toString(),
                "--app-jar", app.toString(), "--for", "1s", "--summary-json", json.toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(json))
                .contains("\"board\": \"beeper-test-board\"", "\"virtualTimeNs\": 1000000000", "\"panic\": null")
                .contains("{\"name\": \"beep-once\", \"state\": \"Terminated\", \"completionCode\": 100, "
                        + "\"restarts\": 0}");
    }

    @Test
    void thePinGoesHighWhenTheAppBeepsAndLowOneHundredMillisecondsLater(@TempDir Path dir) throws IOException {
        Path boardFile = Files.writeString(dir.resolve("beeper-board.yaml"), BOARD_FILE);
        Path app = ExternalAppJar.build(dir.resolve("app"), "external.apps.BeepOnce", BEEP_ONCE, false);

        try (Board board = Board.boot(BootRequest.boardFile(boardFile).capsuleJar(beeperJar(dir)).appJar(app)
                .recordSyscalls(true))) {
            board.runFor(Duration.ofSeconds(1));

            List<PinWire.Edge> edges = board.world().pin(BEEPER_PIN).edges();
            assertThat(edges).extracting(PinWire.Edge::level).containsExactly(true, false);
            long high = edges.get(0).timeNs();
            long low = edges.get(1).timeNs();
            // The app's beep command is its fourth system call, made at once: the pin rises right then.
            long beepCommandAt = board.syscalls().stream()
                    .filter(r -> r instanceof SyscallRecord.Call call
                            && call.syscall() instanceof Syscall.Command command
                            && command.driverNumber() == 0x90010 && command.subdriverNumber() == 1)
                    .findFirst().orElseThrow().timeNs();
            assertThat(high).isEqualTo(beepCommandAt);
            // The beeper armed its virtual alarm at the RTC's count when the command ran, for 100 ms of the
            // 32768 Hz RTC: 3276 ticks (truncated, as Tock's ticks_from_ms). The pin falls on that very tick.
            long tickAtHigh = high * RTC_HZ / 1_000_000_000L;
            assertThat(low).isEqualTo(Math.ceilDiv((tickAtHigh + 3_276) * 1_000_000_000L, RTC_HZ));
            assertThat(low - high).isBetween(99_940_000L, 100_000_000L);
            ProcessInfo beeper = board.processes().get(0);
            assertThat(beeper.state()).isEqualTo("Terminated");
            assertThat(beeper.completionCode()).contains(100L);
        }
    }

    @Test
    void withoutTheJarTheBoardFileFailsAtTheBeepersLineNamingTheKnownComponents(@TempDir Path dir)
            throws IOException {
        Path boardFile = Files.writeString(dir.resolve("beeper-board.yaml"), BOARD_FILE);

        Run run = run("run", "--board-file", boardFile.toString(), "--for", "10ms");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("tock4j: line 8: unknown capsule component 'beeper' (known: ")
                .contains("alarm", "console", "led")
                .doesNotContain("beeper,", "beeper)");
        assertThatThrownBy(() -> Board.boot(BootRequest.boardFile(boardFile)))
                .isInstanceOf(BootException.class)
                .hasMessageStartingWith("line 8: unknown capsule component 'beeper' (known: ");
    }

    @Test
    void aCapsuleJarThatIsMissingTruncatedOrWithoutComponentsIsNamed(@TempDir Path dir) throws IOException {
        Path boardFile = Files.writeString(dir.resolve("beeper-board.yaml"), BOARD_FILE);

        Run missing = run("run", "--board-file", boardFile.toString(), "--capsule-jar",
                dir.resolve("nope.jar").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("jar not found: " + dir.resolve("nope.jar"));

        Path truncated = ExternalAppJar.truncated(beeperJar(dir), dir);
        Run cut = run("run", "--board-file", boardFile.toString(), "--capsule-jar", truncated.toString());
        assertThat(cut.status()).isEqualTo(2);
        assertThat(cut.err()).contains("cannot read jar " + truncated);

        Path appsOnly = ExternalAppJar.build(dir.resolve("app"), "external.apps.BeepOnce", BEEP_ONCE, false);
        Run empty = run("run", "--board-file", boardFile.toString(), "--capsule-jar", appsOnly.toString());
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).contains("capsule jar " + appsOnly + " provides no "
                + "org.tock4j.kernel.component.CapsuleComponent (declare it in "
                + "META-INF/services/org.tock4j.kernel.component.CapsuleComponent or with 'provides' in "
                + "module-info.java)", "line 8: unknown capsule component 'beeper'");
    }

    @Test
    void theReadmesExampleBoardFileAndBeepAppRunAsTheReadmeShows(@TempDir Path dir) throws IOException {
        Path root = Path.of(System.getProperty("tock4j.root"));
        Path source = root.resolve("examples/apps/beep/src/main/java/org/example/apps/beep/Beep.java");
        Path app = ExternalAppJar.build(dir.resolve("app"), "org.example.apps.beep.Beep", Files.readString(source),
                false);
        Path json = dir.resolve("summary.json");

        Run run = run("run", "--board-file", root.resolve("examples/boards/beeper-nrf52840.yaml").toString(),
                "--capsule-jar", beeperJar(dir).toString(), "--app-jar", app.toString(), "--for", "2s",
                "--summary-json", json.toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("] beeped for 100 ms", "] beeped for 200 ms", "] beeped for 300 ms");
        assertThat(Files.readString(json)).contains("\"board\": \"beeper-board\"",
                "{\"name\": \"beep\", \"state\": \"Terminated\", \"completionCode\": 300, \"restarts\": 0}");
    }

    /**
     * The beeper's jar as Maven built it ({@code tock4j.beeper.jar}). A reactor run that stopped before packaging
     * resolves it to its classes directory; that is jarred here.
     */
    private static Path beeperJar(Path dir) throws IOException {
        Path built = Path.of(System.getProperty("tock4j.beeper.jar"));
        if (Files.isRegularFile(built)) {
            return built;
        }
        Path jar = dir.resolve("beeper.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(built)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(built.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
