package org.tock4j.kernel.core.process;

import org.tock4j.kernel.process.FaultAction;

/**
 * Tock's fault policies.
 *
 * <pre>
 *   panic                      halt the board with a panic report
 *   stop                       leave the process faulted
 *   restart                    always restart it
 *   thresholdRestart(n)        restart while restart_count &lt;= n, then stop
 *   thresholdRestartThenPanic(n) restart while restart_count &lt;= n, then panic
 * </pre>
 *
 * <p>Tock counterpart: {@code capsules_system::process_policies}.
 */
public final class FaultPolicies {
    private FaultPolicies() {}

    public static ProcessFaultPolicy panic() {
        return process -> FaultAction.Panic;
    }

    public static ProcessFaultPolicy stop() {
        return process -> FaultAction.Stop;
    }

    public static ProcessFaultPolicy restart() {
        return process -> FaultAction.Restart;
    }

    public static ProcessFaultPolicy thresholdRestart(int threshold) {
        return process -> process.getRestartCount() <= threshold ? FaultAction.Restart : FaultAction.Stop;
    }

    public static ProcessFaultPolicy thresholdRestartThenPanic(int threshold) {
        return process -> process.getRestartCount() <= threshold ? FaultAction.Restart : FaultAction.Panic;
    }
}
