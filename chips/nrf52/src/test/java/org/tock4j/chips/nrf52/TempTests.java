package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.TempModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.nrf5x.Temp;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

class TempTests {
    private static final int BASE = Nrf52840MemoryMap.TEMP_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final Temp temp = chip.temp();
    private final List<Result<Integer, ErrorCode>> readings = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    private int measure(double celsius) {
        chip.temperature().set(celsius);
        bus.write32(BASE + EVENTS_DATARDY, 0);
        bus.write32(BASE + TASKS_START, 1);
        clock.advanceBy(CONVERSION_TIME_NS);
        assertThat(bus.read32(BASE + EVENTS_DATARDY)).isEqualTo(1);
        return bus.read32(BASE + TEMP);
    }

    @Test
    void tempReadsQuarterDegreeUnits() {
        assertThat(measure(25.0)).isEqualTo(100);
        assertThat(measure(21.5)).isEqualTo(86);
        assertThat(measure(21.6)).isEqualTo(86); // rounded to the nearest quarter
        assertThat(measure(21.7)).isEqualTo(87);
        assertThat(measure(-10.25)).isEqualTo(-41); // two's complement
    }

    @Test
    void datardyFollowsStartAfterTheConversionTime() {
        bus.write32(BASE + TASKS_START, 1);
        clock.advanceTo(CONVERSION_TIME_NS - 1);
        assertThat(bus.read32(BASE + EVENTS_DATARDY)).isZero();
        clock.advanceTo(CONVERSION_TIME_NS);
        assertThat(bus.read32(BASE + EVENTS_DATARDY)).isEqualTo(1);
    }

    @Test
    void theTemperatureIsSampledWhenTheMeasurementEnds() {
        bus.write32(BASE + TASKS_START, 1);
        clock.advanceTo(10_000);
        chip.temperature().set(40);
        clock.advanceTo(CONVERSION_TIME_NS);

        assertThat(bus.read32(BASE + TEMP)).isEqualTo(160);
    }

    @Test
    void stopAbandonsAMeasurementInProgress() {
        bus.write32(BASE + TASKS_START, 1);
        bus.write32(BASE + TASKS_STOP, 1);
        clock.advanceTo(1_000_000);

        assertThat(bus.read32(BASE + EVENTS_DATARDY)).isZero();
    }

    @Test
    void theDriverHandsTheClientHundredthsOfADegreeFromTheInterrupt() {
        temp.setClient(value -> {
            readings.add(value);
            times.add(clock.now());
        });
        chip.temperature().set(-7.75);

        assertThat(temp.readTemperature().isOk()).isTrue();
        assertThat(readings).isEmpty();
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(readings).containsExactly(Result.ok(-775));
        assertThat(times).containsExactly(CONVERSION_TIME_NS);
    }

    @Test
    void aSecondReadingWhileOneIsInProgressIsAnsweredByTheSameMeasurement() {
        temp.setClient(value -> readings.add(value));
        temp.readTemperature();
        clock.advanceTo(20_000);
        temp.readTemperature();

        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(readings).containsExactly(Result.ok(2500));
    }
}
