package org.tock4j.chips.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SharedInterruptLineTests {
    private final List<Boolean> levels = new ArrayList<>();
    private final SharedInterruptLine line = new SharedInterruptLine(levels::add);

    @Test
    void theLineIsAssertedWhileAnySourceAssertsIt() {
        InterruptLine spim = line.source();
        InterruptLine twim = line.source();

        twim.raise();
        spim.raise();
        twim.lower();
        assertThat(line.isAsserted()).isTrue();

        spim.lower();
        assertThat(line.isAsserted()).isFalse();
        assertThat(levels).containsExactly(true, true, true, false);
    }
}
