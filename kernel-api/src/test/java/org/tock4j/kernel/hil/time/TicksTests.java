package org.tock4j.kernel.hil.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTests {

    @Test
    void ticksWrapAtTheirWidth() {
        Ticks max24 = Ticks.of(0xFF_FFFF, 24);
        assertThat(max24.wrappingAdd(Ticks.of(1, 24)).value()).isZero();
        assertThat(Ticks.of(0, 24).wrappingSub(Ticks.of(1, 24)).value()).isEqualTo(0xFF_FFFF);
        assertThat(Ticks.of(0x1_000_005, 24).value()).isEqualTo(5);
    }

    @Test
    void withinRangeFollowsTheWrap() {
        Ticks start = Ticks.of(0xFF_FFF0, 24);
        Ticks end = Ticks.of(0x10, 24);
        assertThat(Ticks.of(0xFF_FFFF, 24).withinRange(start, end)).isTrue();
        assertThat(Ticks.of(0x05, 24).withinRange(start, end)).isTrue();
        assertThat(Ticks.of(0x10, 24).withinRange(start, end)).isFalse();
        assertThat(Ticks.of(0x80_0000, 24).withinRange(start, end)).isFalse();
    }

    @Test
    void leftJustifiedMovesTheTopBitToBit31() {
        assertThat(Ticks.of(1, 24).intoU32LeftJustified()).isEqualTo(0x100);
        assertThat(Ticks.of(0xFF_FFFF, 24).intoU32LeftJustified()).isEqualTo(0xFFFF_FF00);
        assertThat(Ticks.of(7, 32).intoU32LeftJustified()).isEqualTo(7);
        assertThat(Ticks.of(1, 24).u32Padding()).isEqualTo(8);
    }

    @Test
    void fromOrMaxSaturates() {
        assertThat(Ticks.of(0, 24).fromOrMax(0x1_000_000L).value()).isEqualTo(0xFF_FFFF);
        assertThat(Ticks.of(0, 24).fromOrMax(12).value()).isEqualTo(12);
        assertThat(Ticks.of(0, 24).halfMaxValue().value()).isEqualTo(0x80_0000);
    }

    @Test
    void msConvertAtTheCountersFrequency() {
        Time rtc = new Time() {
            @Override
            public int frequency() {
                return 32_768;
            }

            @Override
            public Ticks now() {
                return Ticks.of(0, 24);
            }
        };
        assertThat(rtc.ticksFromMs(250).value()).isEqualTo(8192);
        assertThat(rtc.ticksFromSeconds(1).value()).isEqualTo(32_768);
        assertThat(rtc.ticksToMs(Ticks.of(8192, 24))).isEqualTo(250);
        assertThat(rtc.ticksFromSeconds(1000).value()).isEqualTo(0xFF_FFFF);
    }
}
