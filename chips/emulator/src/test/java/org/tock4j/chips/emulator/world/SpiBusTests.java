package org.tock4j.chips.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.VirtualClock;

class SpiBusTests {
    private final VirtualClock clock = new VirtualClock();
    private final SpiBus bus = new SpiBus("SPI0");
    private final PinWire csA = new PinWire("P0.17", clock);
    private final PinWire csB = new PinWire("P0.18", clock);
    private final List<String> seen = new ArrayList<>();

    private SpiDevice device(String name, int answer) {
        return new SpiDevice() {
            @Override
            public byte exchange(byte mosi) {
                seen.add(name + " got " + mosi);
                return (byte) answer;
            }

            @Override
            public void selected() {
                seen.add(name + " selected");
            }

            @Override
            public void deselected() {
                seen.add(name + " deselected");
            }
        };
    }

    @Test
    void onlyTheDeviceWhoseChipSelectIsLowExchangesBytes() {
        csA.driveFromChip(true);
        csB.driveFromChip(true);
        bus.attach(csA, device("A", 0x0A));
        bus.attach(csB, device("B", 0x0B));

        csB.driveFromChip(false);
        byte miso = bus.exchange((byte) 7);
        csB.driveFromChip(true);

        assertThat(miso).isEqualTo((byte) 0x0B);
        assertThat(seen).containsExactly("B selected", "B got 7", "B deselected");
    }

    @Test
    void withNoDeviceSelectedMisoReadsZero() {
        csA.driveFromChip(true);
        bus.attach(csA, device("A", 0x0A));

        assertThat(bus.exchange((byte) 1)).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void twoSelectedDevicesDriveMisoTogetherLowWins() {
        bus.attach(csA, device("A", 0b1100));
        bus.attach(csB, device("B", 0b1010));

        assertThat(bus.exchange((byte) 0)).isEqualTo((byte) 0b1000);
        assertThat(bus.selected()).hasSize(2);
    }

    @Test
    void aPulledUpMisoReadsAllOnesWithNoDeviceSelected() {
        SpiBus pulledUp = new SpiBus("SPI", Pull.UP);
        csA.driveFromChip(true);
        pulledUp.attach(csA, device("A", 0x0A));

        assertThat(pulledUp.exchange((byte) 1)).isEqualTo((byte) 0xFF);
        assertThat(pulledUp.transfer(0, 12)).isEqualTo(0xFFF);
        assertThat(seen).isEmpty();
    }

    @Test
    void wideFramesReachDevicesThatTakeThem() {
        bus.attach(csA, new SpiDevice() {
            @Override
            public byte exchange(byte mosi) {
                return mosi;
            }

            @Override
            public int transfer(int mosi, int bits) {
                seen.add(bits + " bits: " + Integer.toHexString(mosi));
                return ~mosi;
            }
        });

        assertThat(bus.transfer(0x1234, 16)).isEqualTo(0xEDCB);
        assertThat(seen).containsExactly("16 bits: 1234");
    }

    @Test
    void byteDevicesSeeEightBitFramesThroughTheDefaultTransfer() {
        bus.attach(csA, device("A", 0x5A));

        assertThat(bus.transfer(0x81, 8)).isEqualTo(0x5A);
        assertThat(seen).containsExactly("A got -127");
    }
}
