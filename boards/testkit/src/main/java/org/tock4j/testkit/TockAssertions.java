package org.tock4j.testkit;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.AbstractAssert;

import org.tock4j.boards.kit.ProcessInfo;

/**
 * Assertions that read like the board: console lines, LEDs blinking, processes ending.
 *
 * <pre>{@code
 * import static org.tock4j.testkit.TockAssertions.assertThat;
 *
 * assertThat(board.console()).hasLine("Hello World!");
 * assertThat(board.led(0)).blinkedTimes(4).isBlinkingWithPeriod(Duration.ofMillis(500));
 * assertThat(board.process("exiter")).isTerminatedWithCode(42);
 * }</pre>
 */
public final class TockAssertions {
    private TockAssertions() {}

    public static UartAssert assertThat(UartView uart) {
        return new UartAssert(uart);
    }

    public static LedAssert assertThat(LedView led) {
        return new LedAssert(led);
    }

    public static ProcessAssert assertThat(ProcessInfo process) {
        return new ProcessAssert(process);
    }

    /** Assertions on a UART's output. */
    public static final class UartAssert extends AbstractAssert<UartAssert, UartView> {
        UartAssert(UartView actual) {
            super(actual, UartAssert.class);
        }

        /** A complete line equal to {@code line} was transmitted. */
        public UartAssert hasLine(String line) {
            isNotNull();
            if (!actual.lines().contains(line)) {
                failWithMessage("expected the UART to have transmitted the line%n  <%s>%nbut its lines were%n  %s",
                        line, actual.lines());
            }
            return this;
        }

        /** The complete lines transmitted are exactly {@code lines}, in order. */
        public UartAssert hasLines(String... lines) {
            isNotNull();
            if (!actual.lines().equals(List.of(lines))) {
                failWithMessage("expected the UART's lines to be%n  %s%nbut they were%n  %s", List.of(lines),
                        actual.lines());
            }
            return this;
        }

        public UartAssert containsText(String text) {
            isNotNull();
            if (!actual.text().contains(text)) {
                failWithMessage("expected the UART output to contain%n  <%s>%nbut it was%n  <%s>", text, actual.text());
            }
            return this;
        }
    }

    /** Assertions on an LED's state and history. */
    public static final class LedAssert extends AbstractAssert<LedAssert, LedView> {
        LedAssert(LedView actual) {
            super(actual, LedAssert.class);
        }

        public LedAssert isOn() {
            isNotNull();
            if (!actual.isOn()) {
                failWithMessage("expected %s to be on but it is off", actual.name());
            }
            return this;
        }

        public LedAssert isOff() {
            isNotNull();
            if (actual.isOn()) {
                failWithMessage("expected %s to be off but it is on", actual.name());
            }
            return this;
        }

        /** The LED turned on exactly {@code times} times (after boot). */
        public LedAssert blinkedTimes(int times) {
            isNotNull();
            int n = actual.onTimes().stream().filter(t -> t > 0).toList().size();
            if (n != times) {
                failWithMessage("expected %s to have blinked %d times but it turned on %d times: %s", actual.name(),
                        times, n, actual.changes());
            }
            return this;
        }

        /** Successive turn-ons are {@code period} apart, within 1 %: the LED is blinking at that period. */
        public LedAssert isBlinkingWithPeriod(Duration period) {
            return isBlinkingWithPeriod(period, Duration.ofNanos(Math.max(1, period.toNanos() / 100)));
        }

        /** Successive turn-ons are {@code period} apart, give or take {@code tolerance}. */
        public LedAssert isBlinkingWithPeriod(Duration period, Duration tolerance) {
            isNotNull();
            List<Long> on = actual.onTimes().stream().filter(t -> t > 0).toList();
            if (on.size() < 2) {
                failWithMessage("expected %s to be blinking but it turned on %d time(s): %s", actual.name(), on.size(),
                        actual.changes());
            }
            for (int i = 1; i < on.size(); i++) {
                long gap = on.get(i) - on.get(i - 1);
                if (Math.abs(gap - period.toNanos()) > tolerance.toNanos()) {
                    failWithMessage("expected %s to blink every %s (±%s) but turn-ons %d and %d were %s apart",
                            actual.name(), period, tolerance, i - 1, i, Duration.ofNanos(gap));
                }
            }
            return this;
        }
    }

    /** Assertions on a process. */
    public static final class ProcessAssert extends AbstractAssert<ProcessAssert, ProcessInfo> {
        ProcessAssert(ProcessInfo actual) {
            super(actual, ProcessAssert.class);
        }

        /** Its state is {@code state}, as Tock names it ({@code Running}, {@code Yielded}, ...). */
        public ProcessAssert isInState(String state) {
            isNotNull();
            if (!actual.state().equals(state)) {
                failWithMessage("expected process %s to be %s but it is %s%s", actual.name(), state, actual.state(),
                        actual.fault().map(f -> " (fault: " + f + ")").orElse(""));
            }
            return this;
        }

        /** It exited (exit-terminate) with completion code {@code code} (read unsigned). */
        public ProcessAssert isTerminatedWithCode(long code) {
            isInState("Terminated");
            if (actual.completionCode().isEmpty() || actual.completionCode().get() != code) {
                failWithMessage("expected process %s to have completed with code %d but its code is %s", actual.name(),
                        code, actual.completionCode().map(String::valueOf).orElse("none"));
            }
            return this;
        }

        public ProcessAssert hasRestarts(int restarts) {
            isNotNull();
            if (actual.restarts() != restarts) {
                failWithMessage("expected process %s to have restarted %d times but it restarted %d times",
                        actual.name(), restarts, actual.restarts());
            }
            return this;
        }

        /** Its code faulted at least once. */
        public ProcessAssert hasFaulted() {
            isNotNull();
            if (actual.fault().isEmpty()) {
                failWithMessage("expected process %s to have faulted but it did not", actual.name());
            }
            return this;
        }
    }
}
