package org.tock4j.capsules.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.alarm.AlarmDriver.Candidate;
import org.tock4j.capsules.core.testing.FakeAlarm;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class AlarmDriverTests {
    private final FakeProcessTable processes = new FakeProcessTable(new FakeMemory(0x2000_0000, 256));
    /** A 24-bit counter at 32 kHz, as the nRF52 RTC: userspace sees values shifted left by 8. */
    private final FakeAlarm rtc = new FakeAlarm(24, 32_768, 1_000);
    private final FakeGrant<AlarmData> grant = new FakeGrant<>(processes, 0, AlarmDriver.grantType(24),
            AlarmDriver.UPCALLS, AlarmDriver.ALLOW_RO, AlarmDriver.ALLOW_RW);
    private final AlarmDriver driver = new AlarmDriver(rtc, grant);
    private final ProcessId app = processes.spawn();

    AlarmDriverTests() {
        rtc.setAlarmClient(driver);
    }

    private static Ticks t32(long value) {
        return Ticks.of(value, 32);
    }

    private static Ticks t24(long value) {
        return Ticks.of(value, 24);
    }

    private static Ticks t64(long value) {
        return Ticks.of(value, 64);
    }

    @Test
    void existsCommandSucceeds() {
        assertThat(driver.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
    }

    @Test
    void frequencyIsScaledByTheLeftJustificationPadding() {
        assertThat(driver.command(1, 0, 0, app)).isEqualTo(CommandReturn.successU32(32_768 << 8));
    }

    @Test
    void nowIsLeftJustified() {
        rtc.advanceBy(0x12_3456 - 1_000);

        assertThat(driver.command(2, 0, 0, app)).isEqualTo(CommandReturn.successU32(0x1234_5600));
    }

    @Test
    void setRelativeFiresUpcallAtExpiry() {
        CommandReturn armed = driver.command(5, 100 << 8, 0, app);

        assertThat(armed).isEqualTo(CommandReturn.successU32(1_100 << 8));
        rtc.advanceBy(99);
        assertThat(grant.upcalls(app)).isEmpty();
        rtc.advanceBy(1);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 1_100 << 8, 1_100 << 8, 0));
        assertThat(rtc.isArmed()).isFalse();
    }

    @Test
    void setAbsoluteFiresRelativeToTheGivenReference() {
        CommandReturn armed = driver.command(6, 900 << 8, 300 << 8, app);

        assertThat(armed).isEqualTo(CommandReturn.successU32(1_200 << 8));
        rtc.advanceBy(200);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 1_200 << 8, 1_200 << 8, 0));
    }

    @Test
    void absoluteAlarmAlreadyPastFiresAtOnce() {
        driver.command(6, 100 << 8, 50 << 8, app);

        rtc.advanceBy(0);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 1_000 << 8, 150 << 8, 0));
    }

    @Test
    void subTickPrecisionIsRoundedSoTheAlarmNeverFiresEarly() {
        CommandReturn armed = driver.command(5, (10 << 8) + 1, 0, app);

        assertThat(armed).isEqualTo(CommandReturn.successU32(1_011 << 8));
    }

    @Test
    void stopWithoutAnAlarmIsAlready() {
        assertThat(driver.command(3, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.ALREADY));
    }

    @Test
    void stopCancelsTheAlarmAndDisarmsTheHardware() {
        driver.command(5, 100 << 8, 0, app);

        assertThat(driver.command(3, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(rtc.isArmed()).isFalse();
        rtc.advanceBy(500);
        assertThat(grant.upcalls(app)).isEmpty();
    }

    @Test
    void deprecatedAndUnknownCommandsAreNosupport() {
        assertThat(driver.command(4, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
        assertThat(driver.command(7, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void eachProcessHasItsOwnExpiryAndTheHardwareIsArmedForTheEarliest() {
        ProcessId other = processes.spawn();
        driver.command(5, 500 << 8, 0, app);
        driver.command(5, 200 << 8, 0, other);

        assertThat(rtc.getAlarm().value()).isEqualTo(1_200);
        rtc.advanceBy(200);
        assertThat(grant.upcalls(other)).containsExactly(new Upcall(0, 1_200 << 8, 1_200 << 8, 0));
        assertThat(grant.upcalls(app)).isEmpty();
        assertThat(rtc.getAlarm().value()).isEqualTo(1_500);

        rtc.advanceBy(300);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 1_500 << 8, 1_500 << 8, 0));
        assertThat(grant.upcalls(other)).hasSize(1);
        assertThat(rtc.isArmed()).isFalse();
    }

    @Test
    void resettingAnAlarmReplacesTheProcessPreviousExpiry() {
        driver.command(5, 100 << 8, 0, app);
        driver.command(5, 300 << 8, 0, app);

        rtc.advanceBy(1_000);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 1_300 << 8, 1_300 << 8, 0));
    }

    @Test
    void deadProcessesAlarmIsDroppedAndCommandsForItAreInval() {
        ProcessId other = processes.spawn();
        driver.command(5, 100 << 8, 0, other);
        processes.kill(other);

        rtc.advanceBy(500);

        assertThat(grant.upcalls(other)).isEmpty();
        assertThat(rtc.isArmed()).isFalse();
        assertThat(driver.command(0, 0, 0, other)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
    }

    @Test
    void allocateGrantAllocatesTheProcessGrant() {
        ProcessId fresh = processes.spawn();

        assertThat(driver.allocateGrant(fresh).isOk()).isTrue();
        assertThat(grant.isAllocated(fresh)).isTrue();
    }

    @Test
    void grantIsSizedLikeTockOptionExpirationForTheCounterWidth() {
        assertThat(List.of(AlarmDriver.grantType(16).size(), AlarmDriver.grantType(16).align())).containsExactly(6, 2);
        assertThat(List.of(AlarmDriver.grantType(24).size(), AlarmDriver.grantType(24).align())).containsExactly(12, 4);
        assertThat(List.of(AlarmDriver.grantType(64).size(), AlarmDriver.grantType(64).align())).containsExactly(24, 8);
    }

    // ---- earliest_alarm, as Tock's unit tests exercise it ----

    @Test
    void earliestAlarmOfNoneIsEmpty() {
        assertThat(AlarmDriver.earliestAlarm(t32(42), List.<Candidate<Integer>>of(), (e, id) -> {})).isEmpty();
    }

    @Test
    void earliestAlarmPicksTheClosestUnexpiredOne() {
        List<Integer> expired = new ArrayList<>();
        Optional<Candidate<Integer>> earliest = AlarmDriver.earliestAlarm(t32(42), List.of(
                new Candidate<>(new Expiration(t32(42), t32(10)), 0),
                new Candidate<>(new Expiration(t32(0xFFFF_FFFFL), t32(44)), 1),
                new Candidate<>(new Expiration(t32(10), t32(34)), 2)), (e, id) -> expired.add(id));

        assertThat(expired).isEmpty();
        assertThat(earliest.orElseThrow().owner()).isEqualTo(1);
    }

    @Test
    void earliestAlarmReportsExactlyTheExpiredOnesAndCountsTheOneDueNowAsEarliest() {
        List<Integer> expired = new ArrayList<>();
        Optional<Candidate<Integer>> earliest = AlarmDriver.earliestAlarm(t32(42), List.of(
                new Candidate<>(new Expiration(t32(41), t32(1)), 0),
                new Candidate<>(new Expiration(t32(42), t32(10)), 1),
                new Candidate<>(new Expiration(t32(0xFFFF_FFFFL), t32(44)), 2),
                new Candidate<>(new Expiration(t32(42), t32(1)), 3),
                new Candidate<>(new Expiration(t32(43), t32(1)), 4),
                new Candidate<>(new Expiration(t32(0), t32(1)), 5),
                new Candidate<>(new Expiration(t32(0xFFFF_FFFFL), t32(1)), 6)), (e, id) -> expired.add(id));

        assertThat(expired).containsExactly(0, 4, 5, 6);
        assertThat(earliest.orElseThrow().owner()).isEqualTo(0);
    }

    // ---- rearm_u32_left_justified_expiration, with Tock's unit-test values ----

    private static int armedAt(Expiration e) {
        return e.end().intoU32LeftJustified();
    }

    @Test
    void relative24BitDtIsUnshifted() {
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(t24(1337), OptionalInt.empty(), 1234 << 8);

        assertThat(armedAt(e)).isEqualTo((1337 + 1234) << 8);
        assertThat(e.reference().value()).isEqualTo(1337);
        assertThat(e.dt().value()).isEqualTo(1234);
    }

    @Test
    void relative24BitDtWithSubTickBitsIsRoundedUp() {
        int dt = 0xFFFF_FFFF - (42 << 8);
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(t24(1337), OptionalInt.empty(), dt);

        assertThat(armedAt(e)).isEqualTo(1295 << 8);
        assertThat(e.dt().value()).isEqualTo((Integer.toUnsignedLong(dt) >>> 8) + 1);
    }

    @Test
    void absolute24BitRoundsReferenceDownAndExpiryUp() {
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(t24(0), OptionalInt.of(1), 3);

        assertThat(armedAt(e)).isEqualTo(1 << 8);
        assertThat(e.reference().value()).isZero();
        assertThat(e.dt().value()).isEqualTo(1);
    }

    @Test
    void absolute24BitRoundsTheSumNotTheParts() {
        int reference = (5 << 8) - 43;
        int dt = (2 << 8) + 43;
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(t24(6), OptionalInt.of(reference), dt);

        assertThat(armedAt(e)).isEqualTo(7 << 8);
        assertThat(e.reference().value()).isEqualTo(4);
        assertThat(e.dt().value()).isEqualTo(3);
    }

    @Test
    void relative32BitWraps() {
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(t32(1337), OptionalInt.empty(), 0xFFFF_FFFF - 42);

        assertThat(armedAt(e)).isEqualTo(1294);
        assertThat(e.dt().value()).isEqualTo(0xFFFF_FFFFL - 42);
    }

    @Test
    void relative64BitKeepsTheFullWidthReference() {
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(
                t64(0xDEAD_BEEF_CAFEL), OptionalInt.empty(), 0xDEAD_C0DE);

        assertThat(armedAt(e)).isEqualTo(0x9D9D_8BDC);
        assertThat(e.reference().value()).isEqualTo(0xDEAD_BEEF_CAFEL);
        assertThat(e.dt().value()).isEqualTo(0xDEAD_C0DEL);
    }

    @Test
    void absolute64BitReferenceBelowNowKeepsNowsUpperBits() {
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(
                t64(0xDEAD_BEEF_CAFEL), OptionalInt.of(0xBEEF_C0DE), 0x1BAD_B002);

        assertThat(armedAt(e)).isEqualTo(0xDA9D_70E0);
        assertThat(e.reference().value()).isEqualTo(0xDEAD_BEEF_C0DEL);

        Expiration wrapping = AlarmDriver.rearmU32LeftJustifiedExpiration(
                t64(0xDEAD_BEEF_CAFEL), OptionalInt.of(0x8BAD_F00D), 0xFEED_C0DE);
        assertThat(armedAt(wrapping)).isEqualTo(0x8A9B_B0EB);
        assertThat(wrapping.reference().value()).isEqualTo(0xDEAD_8BAD_F00DL);
    }

    @Test
    void absolute64BitReferenceAboveNowBorrowsFromTheUpperBits() {
        Expiration e = AlarmDriver.rearmU32LeftJustifiedExpiration(
                t64(0xDEAD_BEEF_CAFEL), OptionalInt.of(0xCAFE_B0BA), 0xFEED_C0DE);

        assertThat(armedAt(e)).isEqualTo(0xC9EC_7198);
        assertThat(e.reference().value()).isEqualTo(0xDEAC_CAFE_B0BAL);

        Expiration noWrap = AlarmDriver.rearmU32LeftJustifiedExpiration(
                t64(0xDEAD_BEEF_CAFEL), OptionalInt.of(0xCAFE_B0BA), 0x1BAD_B002);
        assertThat(armedAt(noWrap)).isEqualTo(0xE6AC_60BC);
        assertThat(noWrap.dt().value()).isEqualTo(0x1BAD_B002L);
    }
}
