package org.tock4j.capsules.core.virtualizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.testing.FakeAlarm;
import org.tock4j.kernel.hil.time.Ticks;

class MuxAlarmTests {
    private final FakeAlarm hardware = new FakeAlarm(32, 32_768, 1_000);
    private final MuxAlarm mux = new MuxAlarm(hardware);
    private final List<String> fired = new ArrayList<>();

    MuxAlarmTests() {
        hardware.setAlarmClient(mux);
    }

    private VirtualMuxAlarm virtualAlarm(String name) {
        VirtualMuxAlarm alarm = new VirtualMuxAlarm(mux);
        alarm.setup();
        alarm.setAlarmClient(() -> fired.add(name + "@" + hardware.now().value()));
        return alarm;
    }

    private Ticks ticks(long value) {
        return hardware.now().withValue(value);
    }

    @Test
    void virtualAlarmsFireInExpiryOrder() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        VirtualMuxAlarm c = virtualAlarm("c");
        a.setAlarm(hardware.now(), ticks(300));
        b.setAlarm(hardware.now(), ticks(100));
        c.setAlarm(hardware.now(), ticks(200));

        hardware.advanceBy(1_000);

        assertThat(fired).containsExactly("b@1100", "c@1200", "a@1300");
        assertThat(hardware.isArmed()).isFalse();
    }

    @Test
    void hardwareIsArmedForTheEarliestVirtualAlarm() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        a.setAlarm(hardware.now(), ticks(500));
        b.setAlarm(hardware.now(), ticks(100));

        assertThat(hardware.getAlarm().value()).isEqualTo(1_100);
    }

    @Test
    void laterVirtualAlarmLeavesTheEarlierHardwareAlarmInPlace() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        a.setAlarm(hardware.now(), ticks(100));
        b.setAlarm(hardware.now(), ticks(900));

        assertThat(hardware.getAlarm().value()).isEqualTo(1_100);
        assertThat(hardware.setCount()).isEqualTo(1);
    }

    @Test
    void afterFiringTheHardwareIsRearmedForTheNextAlarm() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        a.setAlarm(hardware.now(), ticks(100));
        b.setAlarm(hardware.now(), ticks(400));

        hardware.advanceBy(150);

        assertThat(fired).containsExactly("a@1100");
        assertThat(hardware.isArmed()).isTrue();
        assertThat(hardware.getAlarm().value()).isEqualTo(1_400);
        assertThat(a.isArmed()).isFalse();
        assertThat(b.isArmed()).isTrue();
    }

    @Test
    void alarmsExpiringTogetherFireInOneInterruptMostRecentlySetUpFirst() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        a.setAlarm(hardware.now(), ticks(100));
        b.setAlarm(hardware.now(), ticks(100));

        hardware.advanceBy(100);

        assertThat(fired).containsExactly("b@1100", "a@1100");
    }

    @Test
    void disarmedVirtualAlarmDoesNotFireWhileOthersStillDo() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        a.setAlarm(hardware.now(), ticks(100));
        b.setAlarm(hardware.now(), ticks(200));

        assertThat(a.disarm().isOk()).isTrue();
        hardware.advanceBy(500);

        assertThat(fired).containsExactly("b@1200");
    }

    @Test
    void disarmingTheLastArmedVirtualAlarmDisarmsTheHardware() {
        VirtualMuxAlarm a = virtualAlarm("a");
        a.setAlarm(hardware.now(), ticks(100));

        a.disarm();

        assertThat(a.isArmed()).isFalse();
        assertThat(hardware.isArmed()).isFalse();
    }

    @Test
    void disarmingAnUnarmedAlarmIsOk() {
        VirtualMuxAlarm a = virtualAlarm("a");

        assertThat(a.disarm().isOk()).isTrue();
        assertThat(hardware.isArmed()).isFalse();
    }

    @Test
    void earlierAlarmSetLaterReplacesThePendingHardwareAlarm() {
        VirtualMuxAlarm a = virtualAlarm("a");
        VirtualMuxAlarm b = virtualAlarm("b");
        a.setAlarm(hardware.now(), ticks(500));
        hardware.advanceBy(100);
        b.setAlarm(hardware.now(), ticks(50));

        assertThat(hardware.getAlarm().value()).isEqualTo(1_150);
        hardware.advanceBy(1_000);
        assertThat(fired).containsExactly("b@1150", "a@1500");
    }

    @Test
    void clientMayRearmFromItsCallback() {
        VirtualMuxAlarm periodic = new VirtualMuxAlarm(mux);
        periodic.setup();
        periodic.setAlarmClient(() -> {
            fired.add("tick@" + hardware.now().value());
            if (fired.size() < 3) {
                periodic.setAlarm(periodic.now(), ticks(100));
            }
        });
        periodic.setAlarm(hardware.now(), ticks(100));

        hardware.advanceBy(1_000);

        assertThat(fired).containsExactly("tick@1100", "tick@1200", "tick@1300");
        assertThat(hardware.isArmed()).isFalse();
    }

    @Test
    void alarmAlreadyInThePastFiresAtOnce() {
        VirtualMuxAlarm a = virtualAlarm("a");
        a.setAlarm(ticks(800), ticks(50));

        hardware.advanceBy(0);

        assertThat(fired).containsExactly("a@1000");
    }

    @Test
    void alarmWrapsAroundAt24Bits() {
        FakeAlarm rtc = new FakeAlarm(24, 32_768, 0xFF_FFF0);
        MuxAlarm rtcMux = new MuxAlarm(rtc);
        rtc.setAlarmClient(rtcMux);
        VirtualMuxAlarm a = new VirtualMuxAlarm(rtcMux);
        a.setup();
        a.setAlarmClient(() -> fired.add("a@" + rtc.now().value()));

        a.setAlarm(rtc.now(), rtc.now().withValue(0x20));
        rtc.advanceBy(0x1F);
        assertThat(fired).isEmpty();
        rtc.advanceBy(1);

        assertThat(fired).containsExactly("a@16");
        assertThat(a.getAlarm().value()).isEqualTo(0x10);
    }

    @Test
    void alarmFurtherThanHalfTheCounterRangeIsSplitAndFiresOnceAtItsExpiry() {
        FakeAlarm rtc = new FakeAlarm(24, 32_768, 0x100);
        MuxAlarm rtcMux = new MuxAlarm(rtc);
        rtc.setAlarmClient(rtcMux);
        VirtualMuxAlarm a = new VirtualMuxAlarm(rtcMux);
        a.setup();
        a.setAlarmClient(() -> fired.add("a@" + rtc.now().value()));
        long dt = 0xFF_FF00;

        a.setAlarm(rtc.now(), rtc.now().withValue(dt));

        assertThat(a.getAlarm().value()).isEqualTo((0x100 + dt) & 0xFF_FFFF);
        rtc.advanceBy(dt - 1);
        assertThat(fired).isEmpty();
        assertThat(rtc.setCount()).isEqualTo(2);
        rtc.advanceBy(1);
        assertThat(fired).containsExactly("a@0");
    }

    @Test
    void maximalAlarmsFireOnceEachDespiteLateInterrupts() {
        // Tock's test_multiple_max_ticks_dt: every interrupt is served 10 ticks late.
        int[] count = new int[1];
        for (int i = 0; i < 3; i++) {
            VirtualMuxAlarm v = new VirtualMuxAlarm(mux);
            v.setup();
            v.setAlarmClient(() -> count[0]++);
            v.setAlarm(ticks(i), ticks(0xFFFF_FFFFL));
        }

        for (int i = 0; i < 20 && hardware.fireLate(10); i++) {
            // keep serving interrupts until the mux disarms
        }

        assertThat(count[0]).isEqualTo(3);
    }

    @Test
    void setAlarmBeforeSetupFailsFast() {
        VirtualMuxAlarm lonely = new VirtualMuxAlarm(mux);

        assertThatThrownBy(() -> lonely.setAlarm(hardware.now(), ticks(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setup()");
    }

    @Test
    void virtualAlarmReportsTheHardwareClock() {
        VirtualMuxAlarm a = virtualAlarm("a");

        assertThat(a.now()).isEqualTo(hardware.now());
        assertThat(a.frequency()).isEqualTo(32_768);
        assertThat(a.minimumDt()).isEqualTo(hardware.minimumDt());
    }
}
