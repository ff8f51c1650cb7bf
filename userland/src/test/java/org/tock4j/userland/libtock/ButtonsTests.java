package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeButtons;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class ButtonsTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();
    private final List<String> heard = new ArrayList<>();

    @Test
    void countEnableDisableAndReadAreCommandsZeroToThreeWithTheButtonIndex() {
        FakeButtons fake = FakeButtons.install(sys, 4);
        Buttons buttons = new Buttons(sys);
        fake.press(2);

        assertThat(buttons.count()).isEqualTo(4);
        buttons.enableInterrupt(3);
        buttons.disableInterrupt(1);
        assertThat(buttons.isPressed(2)).isTrue();
        assertThat(buttons.isPressed(0)).isFalse();

        assertThat(sys.calls()).containsExactly(
                Syscall.command(3, 0, 0, 0),
                Syscall.command(3, 1, 3, 0),
                Syscall.command(3, 2, 1, 0),
                Syscall.command(3, 3, 2, 0),
                Syscall.command(3, 3, 0, 0));
        assertThat(fake.isInterruptEnabled(3)).isTrue();
    }

    @Test
    void onPressSubscribesOneUpcallThatPassesEachPressAndReleaseToTheLatestListener() {
        FakeButtons fake = FakeButtons.install(sys, 2);
        Buttons buttons = new Buttons(sys);
        buttons.onPress((button, pressed) -> heard.add("first " + button + " " + pressed));
        buttons.onPress((button, pressed) -> heard.add(button + " " + pressed));
        buttons.enableInterrupt(1);

        fake.click(1);
        fake.click(0);                                   // interrupts not enabled: the kernel stays silent
        sys.runPendingUpcalls();

        List<Syscall> subscribes = sys.calls(Syscall.Kind.SUBSCRIBE);
        int upcall = subscribes.get(0).r2();
        assertThat(upcall).isNotZero();
        assertThat(subscribes).containsExactly(Syscall.subscribe(3, 0, upcall, 0), Syscall.subscribe(3, 0, upcall, 0));
        assertThat(heard).containsExactly("1 true", "1 false");
    }

    @Test
    void removeOnPressUnsubscribesSoTheKernelDropsLaterPresses() {
        FakeButtons fake = FakeButtons.install(sys, 1);
        Buttons buttons = new Buttons(sys);
        buttons.onPress((button, pressed) -> heard.add(button + " " + pressed));
        buttons.enableInterrupt(0);

        buttons.removeOnPress();
        fake.press(0);

        assertThat(sys.calls()).endsWith(Syscall.subscribe(3, 0, 0, 0));
        assertThat(sys.runPendingUpcalls()).isZero();
        assertThat(heard).isEmpty();
    }

    @Test
    void waitForPressOfAButtonEnablesItThenYieldsWaitingForItsPressSkippingOtherChanges() {
        FakeButtons fake = FakeButtons.install(sys, 3);
        Buttons buttons = new Buttons(sys);
        buttons.onPress((button, pressed) -> heard.add(button + " " + pressed));
        buttons.enableInterrupt(0);
        buttons.enableInterrupt(2);
        fake.click(0).press(2).release(2);
        int before = sys.calls().size();

        buttons.waitForPress(2);

        assertThat(sys.calls().subList(before, sys.calls().size())).containsExactly(
                Syscall.command(3, 1, 2, 0),
                Syscall.yield(2, 3, 0),                   // button 0 pressed
                Syscall.yield(2, 3, 0),                   // button 0 released
                Syscall.yield(2, 3, 0));                  // button 2 pressed
        assertThat(heard).isEmpty();                      // Yield-WaitFor runs no callback
        assertThat(sys.pendingUpcalls()).isEqualTo(1);    // the release after the press stays queued
    }

    @Test
    void waitForPressOfAnyButtonReturnsTheIndexOfTheNextPress() {
        FakeButtons fake = FakeButtons.install(sys, 4);
        Buttons buttons = new Buttons(sys);
        buttons.enableInterrupt(1);
        buttons.enableInterrupt(3);
        fake.release(1).press(3);

        assertThat(buttons.waitForPress()).isEqualTo(3);
        assertThat(sys.calls(Syscall.Kind.YIELD)).containsExactly(Syscall.yield(2, 3, 0), Syscall.yield(2, 3, 0));
    }

    @Test
    void aButtonOutOfRangeFailsWithInvalNamingTheIndex() {
        FakeButtons.install(sys, 2);
        Buttons buttons = new Buttons(sys);

        assertThatThrownBy(() -> buttons.enableInterrupt(5))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.INVAL);
                    assertThat(e.operation()).isEqualTo("Buttons.enableInterrupt(5)");
                });
        assertThatThrownBy(() -> buttons.isPressed(7))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.INVAL);
                    assertThat(e.operation()).isEqualTo("Buttons.isPressed(7)");
                });
    }

    @Test
    void aBoardWithoutButtonsFailsWithNodeviceAndDoesNotExist() {
        Buttons buttons = new Buttons(sys);

        assertThat(buttons.exists()).isFalse();
        assertThatThrownBy(buttons::count)
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
        assertThatThrownBy(() -> buttons.onPress((button, pressed) -> { }))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }

    @Test
    void aBoardWithButtonsExists() {
        FakeButtons.install(sys, 1);

        assertThat(new Buttons(sys).exists()).isTrue();
    }
}
