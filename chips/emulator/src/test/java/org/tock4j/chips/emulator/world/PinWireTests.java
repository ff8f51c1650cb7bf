package org.tock4j.chips.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire.Edge;

class PinWireTests {
    private final VirtualClock clock = new VirtualClock();
    private final PinWire wire = new PinWire("P0.11", clock);

    @Test
    void anUndrivenWireWithoutPullFloatsLow() {
        assertThat(wire.level()).isFalse();
        assertThat(wire.isFloating()).isTrue();
        assertThat(wire.edges()).isEmpty();
    }

    @Test
    void theChipDrivingTheWireSetsItsLevelAndRecordsTimedEdges() {
        clock.advanceTo(1_000);
        wire.driveFromChip(true);
        clock.advanceTo(2_500);
        wire.driveFromChip(false);
        wire.driveFromChip(false);

        assertThat(wire.edges()).containsExactly(new Edge(1_000, true), new Edge(2_500, false));
        assertThat(wire.source()).isEqualTo(PinWire.Source.CHIP);
    }

    @Test
    void aPressedButtonPullsAPulledUpInputLow() {
        wire.setChipPull(Pull.UP);
        assertThat(wire.level()).isTrue();

        clock.advanceTo(10);
        wire.press();
        clock.advanceTo(20);
        wire.release();

        assertThat(wire.edges()).containsExactly(new Edge(0, true), new Edge(10, false), new Edge(20, true));
    }

    @Test
    void theOutsideWorldWinsAgainstTheChip() {
        wire.driveFromChip(true);
        wire.drive(false);
        assertThat(wire.level()).isFalse();
        assertThat(wire.source()).isEqualTo(PinWire.Source.WORLD);
    }

    @Test
    void anExternalResistorHoldsTheWireWhenTheChipHasNoPull() {
        wire.setExternalPull(Pull.UP);
        assertThat(wire.level()).isTrue();
        wire.setChipPull(Pull.DOWN);
        assertThat(wire.level()).isFalse();
    }

    @Test
    void listenersHearEveryLevelChange() {
        List<Edge> heard = new ArrayList<>();
        wire.addListener((w, edge) -> heard.add(edge));

        wire.drive(true);
        wire.drive(true);
        wire.drive(false);

        assertThat(heard).extracting(Edge::level).containsExactly(true, false);
    }
}
