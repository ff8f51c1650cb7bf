package org.tock4j.chips.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.VirtualClock;

class SensorValueTests {
    private final VirtualClock clock = new VirtualClock();
    private final SensorValue temperature = new SensorValue("die temperature", "°C", 25.0, clock);

    @Test
    void aSensorValueHoldsItsInitialValueUntilSet() {
        assertThat(temperature.value()).isEqualTo(25.0);
        temperature.set(-12.25);
        assertThat(temperature.value()).isEqualTo(-12.25);
        assertThat(temperature).hasToString("die temperature=-12.25 °C");
    }

    @Test
    void listenersHearEachChangeButNotARepeatedValue() {
        List<Double> heard = new ArrayList<>();
        temperature.addListener((sensor, value) -> heard.add(value));

        temperature.set(30);
        temperature.set(30);
        temperature.set(31);

        assertThat(heard).containsExactly(30.0, 31.0);
    }

    @Test
    void aValueSetFromTheHostTakesEffectAtTheNextAdvance() {
        temperature.setFromHost(40);
        assertThat(temperature.value()).isEqualTo(25.0);

        clock.advanceBy(1);

        assertThat(temperature.value()).isEqualTo(40.0);
    }

    @Test
    void aPhysicalValueMustBeFinite() {
        assertThatThrownBy(() -> temperature.set(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("die temperature");
    }
}
