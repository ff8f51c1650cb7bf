package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.sam4l.hardware.TrngModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.rng.Continue;

class TrngTests {
    /** 84 cycles of the 48 MHz PBA clock. */
    private static final long VALUE_NS = 1_750;

    private static List<Integer> draw(long seed, int count) {
        TestBoard board = TestBoard.boot(Sam4l.Config.defaults().withSeed(seed));
        List<Integer> words = new ArrayList<>();
        board.chip.trng().setClient((it, r) -> {
            while (it.hasNext() && words.size() < count) {
                words.add(it.next());
            }
            return words.size() < count ? Continue.More : Continue.Done;
        });
        board.chip.trng().get();
        board.runUntil(10_000_000);
        return words;
    }

    @Test
    void trngWordsComeFromTheBoardSeed() {
        List<Integer> first = draw(7, 16);
        assertThat(first).hasSize(16).doesNotHaveDuplicates();
        assertThat(draw(7, 16)).isEqualTo(first);
        assertThat(draw(8, 16)).isNotEqualTo(first);
    }

    @Test
    void trngHasANewWordEvery84Cycles() {
        TestBoard board = TestBoard.boot();
        List<Long> times = new ArrayList<>();
        board.chip.trng().setClient((it, r) -> {
            times.add(board.clock().now());
            it.next();
            return times.size() < 3 ? Continue.More : Continue.Done;
        });
        board.chip.trng().get();
        board.runUntil(1_000_000);

        assertThat(times).containsExactly(VALUE_NS, 2 * VALUE_NS, 3 * VALUE_NS);
    }

    @Test
    void doneSwitchesTheTrngAndItsClockOff() {
        TestBoard board = TestBoard.boot();
        board.chip.trng().setClient((it, r) -> Continue.Done);
        board.chip.trng().get();
        assertThat(board.chip.pm().isClockEnabled(Clock.Pba.TRNG)).isTrue();

        board.runUntil(1_000_000);

        assertThat(board.chip.pm().isClockEnabled(Clock.Pba.TRNG)).isFalse();
        assertThat(board.clock().pendingEventCount()).isZero();
    }

    @Test
    void cancelIsNotSupportedAsInTock() {
        assertThat(TestBoard.boot().chip.trng().cancel().unwrapErr()).isEqualTo(ErrorCode.FAIL);
    }

    @Test
    void theControlRegisterNeedsItsKey() {
        TestBoard board = TestBoard.boot();
        board.chip.pm().enableClock(Clock.Pba.TRNG);
        board.chip.memory().write32(BASE + CR, CR_ENABLE);
        board.clock().advanceTo(100_000);

        assertThat(board.chip.memory().read32(BASE + ISR)).isZero();
        assertThat(board.chip.hardware().trng().registers().warnings())
                .contains("CR written with key 0x000000 instead of 0x524E47; ignored");
    }

    @Test
    void readingOdataClearsDatrdy() {
        TestBoard board = TestBoard.boot();
        board.chip.pm().enableClock(Clock.Pba.TRNG);
        board.chip.memory().write32(BASE + CR, KEY << 8 | CR_ENABLE);
        board.clock().advanceTo(VALUE_NS);
        assertThat(board.chip.memory().read32(BASE + ISR)).isEqualTo(DATRDY);

        board.chip.memory().read32(BASE + ODATA);

        assertThat(board.chip.memory().read32(BASE + ISR)).isZero();
    }
}
