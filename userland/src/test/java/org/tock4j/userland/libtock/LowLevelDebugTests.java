package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class LowLevelDebugTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();

    @Test
    void alertAndPrintAreCommandsOneToThreeWithTheirNumbers() {
        for (int command = 0; command <= 3; command++) {
            sys.onCommand(8, command, ScriptedSyscalls.success());
        }
        LowLevelDebug debug = new LowLevelDebug(sys);

        assertThat(debug.exists()).isTrue();
        debug.alert(LowLevelDebug.ALERT_PANIC);
        debug.print(0x45);
        debug.print(1, 0xFFFF_FFFF);

        assertThat(sys.calls()).containsExactly(
                Syscall.command(8, 0, 0, 0),
                Syscall.command(8, 1, 1, 0),
                Syscall.command(8, 2, 0x45, 0),
                Syscall.command(8, 3, 1, 0xFFFF_FFFF));
    }

    @Test
    void theAlertCodesAreTocksPredefinedOnes() {
        assertThat(LowLevelDebug.ALERT_PANIC).isEqualTo(1);
        assertThat(LowLevelDebug.ALERT_WRONG_LOCATION).isEqualTo(2);
    }

    @Test
    void aBoardWithoutTheDriverFailsWithNodeviceNamingTheCall() {
        LowLevelDebug debug = new LowLevelDebug(sys);

        assertThat(debug.exists()).isFalse();
        assertThatThrownBy(() -> debug.print(0x45))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE);
                    assertThat(e.operation()).isEqualTo("LowLevelDebug.print(69)");
                });
    }
}
