package org.tock4j.chips.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickConverterTests {

    @Test
    void sixtyFourMegahertzCyclesConvertToWholeMicrosecondsExactly() {
        TickConverter cpu = TickConverter.ofHz(64_000_000);
        assertThat(cpu.timeOfTick(64)).isEqualTo(1_000);
        assertThat(cpu.timeOfTick(64_000_000L * 3600)).isEqualTo(3_600_000_000_000L);
        assertThat(cpu.ticksIn(1_000)).isEqualTo(64);
    }

    @Test
    void aTickEndsAtTheFirstWholeNanosecondAfterIt() {
        TickConverter cpu = TickConverter.ofHz(64_000_000);
        assertThat(cpu.timeOfTick(1)).isEqualTo(16);
        assertThat(cpu.ticksIn(15)).isZero();
        assertThat(cpu.ticksIn(16)).isEqualTo(1);
    }

    @Test
    void ticksInTheTimeOfATickAreThatTick() {
        TickConverter rtc = new TickConverter(32_768, 1_000_000_000L);
        for (long k = 1; k < 100_000; k += 7) {
            assertThat(rtc.ticksIn(rtc.timeOfTick(k))).isEqualTo(k);
            assertThat(rtc.ticksIn(rtc.timeOfTick(k) - 1)).isEqualTo(k - 1);
        }
    }

    @Test
    void conversionsStayExactFarBeyondSixtyFourBitIntermediateProducts() {
        TickConverter rtc = new TickConverter(32_768, 1_000_000_000L * 4096);
        long tenYearsNs = 10L * 365 * 24 * 3600 * 1_000_000_000L;
        long ticks = rtc.ticksIn(tenYearsNs);
        assertThat(ticks).isEqualTo(tenYearsNs / 1_000_000_000L * 32_768 / 4096);
        assertThat(rtc.ticksIn(rtc.timeOfTick(ticks))).isEqualTo(ticks);
    }
}
