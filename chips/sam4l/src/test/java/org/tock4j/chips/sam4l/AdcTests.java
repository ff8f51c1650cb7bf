package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;

class AdcTests {
    /** CLK_ADC for single samples: RC32K through GCLK10, divided by 4: 8192 Hz. */
    private static final long ADC_CYCLE_NS_TIMES_1024 = 125_000_000;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final Adc adc = chip.adc();
    private final List<Integer> samples = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    @BeforeEach
    void client() {
        adc.setClient(sample -> {
            samples.add(sample);
            times.add(chip.clock().now());
        });
    }

    private int sampleOnce(int channel) {
        samples.clear();
        assertThat(adc.sample(channel).isOk()).isTrue();
        board.runFor(100_000_000);
        assertThat(samples).hasSize(1);
        return samples.get(0);
    }

    @Test
    void adcConvertsInputVoltageTo12Bits() {
        chip.analogInput(1).set(1650);
        // 1.65 V × 0.5 gain / 1.65 V reference × 4095 = 2047 (truncated), left-justified in 16 bits
        assertThat(sampleOnce(1)).isEqualTo(2047 << 4);

        chip.analogInput(1).set(3300);
        assertThat(sampleOnce(1)).isEqualTo(4095 << 4);
        chip.analogInput(1).set(5000);
        assertThat(sampleOnce(1)).isEqualTo(4095 << 4);
        chip.analogInput(1).set(0);
        assertThat(sampleOnce(1)).isZero();
        assertThat(adc.getResolutionBits()).isEqualTo(12);
        assertThat(adc.getVoltageReferenceMv()).hasValue(3300);
    }

    @Test
    void theFirstConversionWaitsTheStartupTime() {
        adc.sample(0);
        board.runFor(100_000_000);
        adc.sample(0);
        long second = chip.clock().now();
        board.runFor(100_000_000);

        // 24 start-up + 8 conversion cycles, then 8 cycles, of 8192 Hz
        assertThat(times.get(0)).isEqualTo(32 * ADC_CYCLE_NS_TIMES_1024 / 1024);
        assertThat(times.get(1) - second).isEqualTo(Math.ceilDiv(8 * ADC_CYCLE_NS_TIMES_1024, 1024));
    }

    @Test
    void eachPadSamplesItsOwnVoltage() {
        for (int n = 0; n <= 14; n++) {
            chip.analogInput(n).set(200 * n);
        }
        for (int n = 0; n <= 14; n++) {
            assertThat(sampleOnce(n) >> 4).isEqualTo((int) (200L * n * 4095 / 3300));
        }
    }

    @Test
    void theScaledVccChannelReadsATenthOfVcc() {
        assertThat(sampleOnce(Adc.SCALED_VCC) >> 4).isEqualTo(330 * 4095 / 3300);
        assertThat(sampleOnce(Adc.REFERENCE_GROUND)).isZero();
        assertThat(sampleOnce(Adc.BANDGAP) >> 4).isEqualTo(1000 * 4095 / 3300);
    }

    @Test
    void sampleContinuousAt5kHzUsesTheCpuClockAndTheInternalTimer() {
        chip.analogInput(2).set(1000);
        assertThat(adc.sampleContinuous(2, 5_000).isOk()).isTrue();
        board.runFor(1_000_000);
        adc.stopSampling();
        int count = samples.size();
        board.runFor(1_000_000);

        assertThat(samples).hasSize(count).allMatch(s -> s == (1000 * 4095 / 3300) << 4);
        // CLK_ADC 1.5 MHz, a trigger every 300 cycles: 200 µs apart (the first conversion also waited the
        // start-up time)
        for (int i = 2; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isEqualTo(200_000);
        }
        assertThat(count).isBetween(4, 5);
    }

    @Test
    void slowContinuousSamplingRunsBackToBackOnTheRcClock() {
        assertThat(adc.sampleContinuous(3, 100).isOk()).isTrue();
        board.runFor(1_000_000_000);
        adc.stopSampling();

        // RC32K / 64 = 512 Hz ADC clock, 8 cycles a conversion after 24 of start-up: at 62.5 ms, then every
        // 15.625 ms
        assertThat(samples).hasSize(61);
        assertThat(times.get(0)).isEqualTo(62_500_000);
        assertThat(times.get(60)).isEqualTo(1_000_000_000);
    }

    @Test
    void aSampleWhileSamplingIsBusyAndABadChannelIsInval() {
        adc.sample(0);
        assertThat(adc.sample(0).unwrapErr()).isEqualTo(ErrorCode.BUSY);
        assertThat(adc.sample(0x10).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(adc.sampleContinuous(0, 0).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(adc.stopSampling().isOk()).isTrue();
        assertThat(adc.stopSampling().unwrapErr()).isEqualTo(ErrorCode.OFF);
    }

    @Test
    void aSingleSampleWorksAgainAfterStoppingContinuousSampling() {
        adc.sampleContinuous(4, 1_000);
        board.runFor(10_000_000);
        adc.stopSampling();
        samples.clear();

        chip.analogInput(4).set(3300);
        assertThat(sampleOnce(4)).isEqualTo(4095 << 4);
    }
}
