package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.userland.fake.Syscall.command;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeButtons;
import org.tock4j.userland.fake.FakeLeds;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class ButtonsTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();

    @Test
    void buttonsIsTheTbfPackageName() {
        assertThat(new Buttons().name()).isEqualTo("buttons");
    }

    @Test
    void buttonsSubscribesEnablesTheInterruptsOfEveryButtonAndReturns() {
        FakeLeds.install(sys, 3);
        FakeButtons buttons = FakeButtons.install(sys, 3);

        new Buttons().main(sys);

        int upcall = sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2();
        assertThat(sys.calls()).containsExactly(
                command(2, 0, 0, 0),
                Syscall.subscribe(3, 0, upcall, 0),
                command(3, 0, 0, 0),
                command(3, 1, 0, 0),
                command(3, 1, 1, 0),
                command(3, 1, 2, 0));
        assertThat(buttons.isInterruptEnabled(0)).isTrue();
        assertThat(buttons.isInterruptEnabled(2)).isTrue();
    }

    @Test
    void aPressOfAButtonTogglesTheLedWithItsIndexAndAReleaseChangesNothing() {
        FakeLeds leds = FakeLeds.install(sys, 3);
        FakeButtons buttons = FakeButtons.install(sys, 3);
        new Buttons().main(sys);

        buttons.click(1);
        sys.runPendingUpcalls();

        assertThat(leds.isOn(1)).isTrue();
        assertThat(leds.isOn(0)).isFalse();
        assertThat(leds.isOn(2)).isFalse();

        buttons.click(1).click(2);
        sys.runPendingUpcalls();

        assertThat(leds.isOn(1)).isFalse();
        assertThat(leds.isOn(2)).isTrue();
        assertThat(sys.calls(Syscall.Kind.COMMAND)).filteredOn(call -> call.r1() == 3 && call.r0() == 2)
                .containsExactly(command(2, 3, 1, 0), command(2, 3, 1, 0), command(2, 3, 2, 0));
    }

    @Test
    void aPressOfAButtonWithoutAMatchingLedIsIgnored() {
        FakeLeds leds = FakeLeds.install(sys, 2);
        FakeButtons buttons = FakeButtons.install(sys, 4);
        new Buttons().main(sys);
        int before = sys.calls().size();

        buttons.click(3).click(2);
        int ran = sys.runPendingUpcalls();

        assertThat(ran).isEqualTo(4);
        assertThat(sys.calls().subList(before, sys.calls().size())).containsOnly(Syscall.yield(1, 0, 0));
        assertThat(leds.isOn(0)).isFalse();
        assertThat(leds.isOn(1)).isFalse();
    }
}
