package org.tock4j.chips.nrf52;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.deferred.DeferredCalls;

/**
 * The part of Tock's kernel loop that touches the chip: service interrupts, then deferred calls, else sleep.
 * For tests only.
 */
final class KernelLoopStandIn {

    private KernelLoopStandIn() {}

    /** Runs the chip until virtual time {@code horizonNs}, or until nothing more can happen. */
    static void runUntil(Nrf52840 chip, long horizonNs) {
        runUntil(chip, horizonNs, null);
    }

    /** {@link #runUntil(Nrf52840, long)}, servicing {@code deferredCalls} (may be null) as the kernel does. */
    static void runUntil(Nrf52840 chip, long horizonNs, DeferredCalls deferredCalls) {
        VirtualClock clock = chip.clock();
        clock.setHorizon(horizonNs);
        while (true) {
            chip.servicePendingInterrupts();
            if (deferredCalls != null && deferredCalls.hasTasks()) {
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
            if (chip.hasPendingInterrupts()) {
                continue;
            }
            if (clock.now() >= horizonNs || (clock.now() == before && clock.eventsRun() == eventsBefore)) {
                return;
            }
        }
    }
}
