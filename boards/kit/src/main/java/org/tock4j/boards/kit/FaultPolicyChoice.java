package org.tock4j.boards.kit;

import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessFaultPolicy;

/**
 * Which fault policy a board applies to its processes.
 *
 * <pre>
 *   panic                                halt the board with a panic report (the nRF52840-DK's)
 *   stop                                 leave the process faulted (imix's)
 *   restart                              restart it every time
 *   threshold-restart:N                  restart while restart_count &lt;= N, then stop
 *   threshold-restart-then-panic:N       restart while restart_count &lt;= N, then panic (hail's, N = 4)
 * </pre>
 *
 * <p>Tock counterpart: {@code capsules_system::process_policies}, chosen in a board's {@code main.rs}.
 */
public sealed interface FaultPolicyChoice {

    FaultPolicyChoice PANIC = new Panic();
    FaultPolicyChoice STOP = new Stop();
    FaultPolicyChoice RESTART = new Restart();

    /** Tock's {@code PanicFaultPolicy}. */
    record Panic() implements FaultPolicyChoice {}

    /** Tock's {@code StopFaultPolicy}. */
    record Stop() implements FaultPolicyChoice {}

    /** Tock's {@code RestartFaultPolicy}. */
    record Restart() implements FaultPolicyChoice {}

    /** Tock's {@code ThresholdRestartFaultPolicy}. */
    record ThresholdRestart(int threshold) implements FaultPolicyChoice {}

    /** Tock's {@code ThresholdRestartThenPanicFaultPolicy}. */
    record ThresholdRestartThenPanic(int threshold) implements FaultPolicyChoice {}

    /** The kernel's policy object. */
    default ProcessFaultPolicy policy() {
        return switch (this) {
            case Panic p -> FaultPolicies.panic();
            case Stop s -> FaultPolicies.stop();
            case Restart r -> FaultPolicies.restart();
            case ThresholdRestart t -> FaultPolicies.thresholdRestart(t.threshold());
            case ThresholdRestartThenPanic t -> FaultPolicies.thresholdRestartThenPanic(t.threshold());
        };
    }

    /** The name board files and the CLI use. */
    default String cliName() {
        return switch (this) {
            case Panic p -> "panic";
            case Stop s -> "stop";
            case Restart r -> "restart";
            case ThresholdRestart t -> "threshold-restart:" + t.threshold();
            case ThresholdRestartThenPanic t -> "threshold-restart-then-panic:" + t.threshold();
        };
    }

    /** The policy named {@code name}; {@link IllegalArgumentException} naming the known ones otherwise. */
    static FaultPolicyChoice fromCliName(String name) {
        switch (name) {
            case "panic":
                return PANIC;
            case "stop":
                return STOP;
            case "restart":
                return RESTART;
            default:
                break;
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            String kind = name.substring(0, colon);
            try {
                int threshold = Integer.parseInt(name.substring(colon + 1));
                if (threshold >= 0 && kind.equals("threshold-restart")) {
                    return new ThresholdRestart(threshold);
                }
                if (threshold >= 0 && kind.equals("threshold-restart-then-panic")) {
                    return new ThresholdRestartThenPanic(threshold);
                }
            } catch (NumberFormatException e) {
                // Falls through to the error below.
            }
        }
        throw new IllegalArgumentException("unknown fault policy '" + name + "' (known: panic, stop, restart, "
                + "threshold-restart:N, threshold-restart-then-panic:N)");
    }
}
