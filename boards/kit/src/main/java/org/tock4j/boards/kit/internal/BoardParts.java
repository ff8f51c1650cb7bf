package org.tock4j.boards.kit.internal;

import java.util.Optional;
import java.util.function.Function;

import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.boards.kit.BoardPlan;
import org.tock4j.boards.kit.BoardWorld;
import org.tock4j.boards.kit.CapsuleSelection;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * What a board description (a Guice board or a board file) yields before the kernel exists: its plan, chip,
 * clock, scheduler timer, outside world, where each capsule finds its HILs, and the UART mux the kernel's
 * debug output shares (the console's), if the board has one.
 */
public record BoardParts(BoardPlan plan, Chip chip, VirtualClock clock, SchedulerTimer schedulerTimer,
        BoardWorld world, Function<CapsuleSelection, HilResolver> hils, Optional<MuxUart> debugUart) {

    public BoardParts withPlan(BoardPlan newPlan) {
        return new BoardParts(newPlan, chip, clock, schedulerTimer, world, hils, debugUart);
    }
}
