package org.tock4j.kernel.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.process.FaultAction;
import org.tock4j.kernel.process.Process;

/** Tock's fault policies ({@code capsules_system::process_policies}). */
class FaultPoliciesTests {
    private static Process restartedTimes(int n) {
        Process p = mock(Process.class);
        when(p.getRestartCount()).thenReturn(n);
        return p;
    }

    @Test
    void theFixedPoliciesAlwaysGiveTheirAction() {
        Process p = restartedTimes(100);

        assertThat(FaultPolicies.panic().action(p)).isEqualTo(FaultAction.Panic);
        assertThat(FaultPolicies.stop().action(p)).isEqualTo(FaultAction.Stop);
        assertThat(FaultPolicies.restart().action(p)).isEqualTo(FaultAction.Restart);
    }

    @Test
    void thresholdRestartRestartsWhileTheRestartCountIsAtMostTheThresholdThenStops() {
        ProcessFaultPolicy policy = FaultPolicies.thresholdRestart(2);

        assertThat(policy.action(restartedTimes(2))).isEqualTo(FaultAction.Restart);
        assertThat(policy.action(restartedTimes(3))).isEqualTo(FaultAction.Stop);
    }

    @Test
    void thresholdRestartThenPanicPanicsPastTheThreshold() {
        ProcessFaultPolicy policy = FaultPolicies.thresholdRestartThenPanic(0);

        assertThat(policy.action(restartedTimes(0))).isEqualTo(FaultAction.Restart);
        assertThat(policy.action(restartedTimes(1))).isEqualTo(FaultAction.Panic);
    }
}
