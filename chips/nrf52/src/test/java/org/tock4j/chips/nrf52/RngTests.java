package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.RngModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;
import org.tock4j.chips.nrf5x.Trng;
import org.tock4j.kernel.hil.rng.Continue;

class RngTests {
    private static final int BASE = Nrf52840MemoryMap.RNG_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();

    /** The time from START to the first VALRDY. */
    private long firstValrdyNs(Nrf52840 c) {
        MemoryBus b = c.memory();
        b.write32(BASE + INTENSET, INT_VALRDY);
        long start = c.clock().now();
        b.write32(BASE + TASKS_START, 1);
        c.sleep();
        assertThat(b.read32(BASE + EVENTS_VALRDY)).isEqualTo(1);
        return c.clock().now() - start;
    }

    @Test
    void valrdyFollowsStartAfterOneByteTime() {
        assertThat(firstValrdyNs(chip)).isEqualTo(BYTE_TIME_NS);
        assertThat(chip.nvic().isPending(PeripheralInterrupts.RNG)).isTrue();
    }

    @Test
    void rngValrdyTakesLongerWithBiasCorrection() {
        bus.write32(BASE + CONFIG, CONFIG_DERCEN);

        assertThat(firstValrdyNs(chip)).isEqualTo(BYTE_TIME_BIAS_CORRECTED_NS).isEqualTo(4 * BYTE_TIME_NS);
    }

    @Test
    void theGeneratorKeepsRunningUntilStopAndValueHoldsTheLatestByte() {
        bus.write32(BASE + TASKS_START, 1);
        clock.advanceTo(10 * BYTE_TIME_NS);
        assertThat(chip.hardware().rng().isRunning()).isTrue();
        assertThat(bus.read32(BASE + EVENTS_VALRDY)).isEqualTo(1);
        assertThat(bus.read32(BASE + VALUE)).isBetween(0, 255);

        bus.write32(BASE + TASKS_STOP, 1);
        bus.write32(BASE + EVENTS_VALRDY, 0);
        clock.advanceBy(10 * BYTE_TIME_NS);

        assertThat(bus.read32(BASE + EVENTS_VALRDY)).isZero();
    }

    @Test
    void theValrdyStopShortcutStopsAfterOneByte() {
        bus.write32(BASE + SHORTS, SHORTS_VALRDY_STOP);
        bus.write32(BASE + TASKS_START, 1);
        clock.advanceTo(5 * BYTE_TIME_NS);

        assertThat(bus.read32(BASE + EVENTS_VALRDY)).isEqualTo(1);
        assertThat(chip.hardware().rng().isRunning()).isFalse();
    }

    @Test
    void theTrngGathersFourBytesPerWordLeastSignificantFirst() {
        Trng trng = chip.trng();
        List<Integer> words = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        trng.setClient((randomness, result) -> {
            assertThat(result.isOk()).isTrue();
            words.add(randomness.next());
            times.add(clock.now());
            assertThat(randomness.hasNext()).isFalse();
            return words.size() < 2 ? Continue.More : Continue.Done;
        });
        assertThat(trng.get().isOk()).isTrue();

        KernelLoopStandIn.runUntil(chip, 1_000_000);

        // The handler starts a fifth generation after the fourth byte and calls the client on its VALRDY.
        assertThat(times).containsExactly(5 * BYTE_TIME_NS, 10 * BYTE_TIME_NS);
        assertThat(words).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theSameSeedGivesTheSameRandomWordsAndAnotherSeedOthers() {
        assertThat(words(7)).isEqualTo(words(7)).isNotEqualTo(words(8));
    }

    private static List<Integer> words(long seed) {
        Nrf52840 c = new Nrf52840(Nrf52840.Config.defaults().withSeed(seed));
        List<Integer> words = new ArrayList<>();
        c.trng().setClient((randomness, result) -> {
            words.add(randomness.next());
            return words.size() < 4 ? Continue.More : Continue.Done;
        });
        c.trng().get();
        KernelLoopStandIn.runUntil(c, 10_000_000);
        return words;
    }

    @Test
    void cancelFailsAsInTock() {
        assertThat(chip.trng().cancel().isErr()).isTrue();
    }

    @Test
    void aGeneratorLeftRunningWithItsInterruptOffSchedulesNothing() {
        bus.write32(BASE + TASKS_START, 1);

        assertThat(clock.pendingEventCount()).isZero();
        clock.advanceTo(1_000_000_000);
        assertThat(bus.read32(BASE + EVENTS_VALRDY)).isEqualTo(1);
    }
}
