package org.tock4j.chips.sam4l;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorFrequency;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorStartup;
import org.tock4j.chips.sam4l.SystemClockSource.PllExternalOscillatorAt48MHz;

/**
 * A SAM4L booted as Tock's imix and Hail boards boot it (deferred calls, 48 MHz from the PLL on the 16 MHz
 * crystal, CLK_32 from RC32K), and the part of Tock's kernel loop that touches the chip. For tests only.
 */
final class TestBoard {
    final Sam4l chip;
    final ManualDeferredCalls deferredCalls = new ManualDeferredCalls();

    private TestBoard(Sam4l chip) {
        this.chip = chip;
    }

    /** A chip straight out of reset: nothing set up. */
    static Sam4l bareChip() {
        return new Sam4l(Sam4l.Config.defaults());
    }

    static TestBoard boot() {
        return boot(Sam4l.Config.defaults());
    }

    static TestBoard boot(Sam4l.Config config) {
        TestBoard board = new TestBoard(new Sam4l(config));
        Sam4l chip = board.chip;
        chip.peripherals().setupCircularDeps(board.deferredCalls);
        chip.pm().setupSystemClock(new PllExternalOscillatorAt48MHz(OscillatorFrequency.Frequency16MHz,
                OscillatorStartup.FastStart), chip.flash());
        chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);
        return board;
    }

    VirtualClock clock() {
        return chip.clock();
    }

    /**
     * Runs the chip until virtual time {@code horizonNs}, or until nothing more can happen: interrupts, then
     * deferred calls, then sleep, as Tock's kernel loop does with no process to run.
     */
    void runUntil(long horizonNs) {
        VirtualClock clock = chip.clock();
        clock.setHorizon(horizonNs);
        try {
            while (true) {
                chip.servicePendingInterrupts();
                if (deferredCalls.hasTasks()) {
                    deferredCalls.serviceNextPending();
                    continue;
                }
                long before = clock.now();
                long eventsBefore = clock.eventsRun();
                chip.atomic(() -> {
                    if (!chip.hasPendingInterrupts()) {
                        chip.sleep();
                    }
                });
                if (chip.hasPendingInterrupts() || deferredCalls.hasTasks()) {
                    continue;
                }
                if (clock.now() >= horizonNs || (clock.now() == before && clock.eventsRun() == eventsBefore)) {
                    return;
                }
            }
        } finally {
            clock.clearHorizon();
        }
    }

    /** Runs for {@code ns} more nanoseconds of virtual time. */
    void runFor(long ns) {
        runUntil(chip.clock().now() + ns);
    }
}
