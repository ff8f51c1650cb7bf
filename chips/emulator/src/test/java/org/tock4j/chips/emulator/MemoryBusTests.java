package org.tock4j.chips.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.mmio.UnmodelledSpace;

class MemoryBusTests {
    private final MemoryBus bus = new MemoryBus();
    private final List<Integer> written = new ArrayList<>();
    private RegisterBank peripheral;

    @BeforeEach
    void map() {
        bus.mapMemory("FLASH", 0x0000_0000, new PagedMemory(1024 * 1024, (byte) 0xFF), RegionKind.FLASH);
        bus.mapMemory("RAM", 0x2000_0000, new PagedMemory(256 * 1024, (byte) 0x00), RegionKind.RAM);
        peripheral = new RegisterBank("TEST", 0x4000_2000);
        peripheral.storage("DATA", 0x000, 0x1234_5678);
        peripheral.writeOnly("SINK", 0x004, written::add);
        bus.mapDevice(peripheral);
    }

    @Test
    void flashReadsErasedAndRamReadsZeroAfterReset() {
        assertThat(bus.read32(0x0000_1000)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.read32(0x2000_1000)).isZero();
    }

    @Test
    void wordsAreLittleEndian() {
        bus.write32(0x2000_0000, 0x1122_3344);

        assertThat(bus.read8(0x2000_0000)).isEqualTo((byte) 0x44);
        assertThat(bus.read8(0x2000_0003)).isEqualTo((byte) 0x11);
        assertThat(bus.read32(0x2000_0000)).isEqualTo(0x1122_3344);
    }

    @Test
    void unalignedWordsInMemoryAreAssembledByteByByte() {
        bus.write(0x2000_0001, new byte[] {1, 2, 3, 4}, 0, 4);
        assertThat(bus.read32(0x2000_0001)).isEqualTo(0x0403_0201);
    }

    @Test
    void anAccessToUnmappedMemoryIsABusFaultNamingTheAddress() {
        assertThatThrownBy(() -> bus.read32(0x3000_0000)).isInstanceOf(BusFault.class)
                .hasMessageContaining("0x30000000")
                .satisfies(e -> assertThat(((BusFault) e).address()).isEqualTo(0x3000_0000));
        assertThatThrownBy(() -> bus.write8(0xFFFF_FFF0, (byte) 1)).isInstanceOf(BusFault.class)
                .hasMessageContaining("0xFFFFFFF0");
    }

    @Test
    void aBlockThatRunsOffTheEndOfRamFaultsAtTheFirstUnmappedByte() {
        int lastWord = 0x2000_0000 + 256 * 1024 - 4;
        assertThatThrownBy(() -> bus.read(lastWord, new byte[8], 0, 8)).isInstanceOf(BusFault.class)
                .hasMessageContaining("0x20040000");
    }

    @Test
    void regionOfNamesTheRegionHoldingAnAddress() {
        assertThat(bus.regionOf(0x2000_0100)).get().extracting(MemoryRegion::name).isEqualTo("RAM");
        assertThat(bus.regionOf(0x4000_2004)).get().extracting(MemoryRegion::kind).isEqualTo(RegionKind.PERIPHERAL);
        assertThat(bus.regionOf(0x9000_0000)).isEmpty();
    }

    @Test
    void wordAccessesToAPeripheralReachItsRegisters() {
        assertThat(bus.read32(0x4000_2000)).isEqualTo(0x1234_5678);
        bus.write32(0x4000_2004, 7);
        assertThat(written).containsExactly(7);
    }

    @Test
    void byteReadsOfAPeripheralReadTheContainingWord() {
        assertThat(bus.read8(0x4000_2001)).isEqualTo((byte) 0x56);
    }

    @Test
    void byteWritesToAPeripheralAreReportedAndIgnored() {
        bus.write8(0x4000_2000, (byte) 0);
        assertThat(bus.read32(0x4000_2000)).isEqualTo(0x1234_5678);
        assertThat(peripheral.warnings()).anySatisfy(w -> assertThat(w).contains("byte write"));
    }

    @Test
    void anUnalignedWordAccessToAPeripheralIsABusFault() {
        assertThatThrownBy(() -> bus.read32(0x4000_2002)).isInstanceOf(BusFault.class).hasMessageContaining("unaligned");
    }

    @Test
    void overlappingMappingsAreRejected() {
        assertThatThrownBy(() -> bus.mapMemory("ALIAS", 0x2000_1000, new PagedMemory(4096, (byte) 0), RegionKind.RAM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
    }

    @Test
    void unmodelledPeripheralsInTheBackgroundStoreWritesAndNeverFault() {
        UnmodelledSpace apb = new UnmodelledSpace("APB", address -> "PERIPHERAL@" + Integer.toHexString(address & ~0xFFF), 0);
        bus.mapBackground(0x4000_0000, 0x10_0000, apb);

        bus.write32(0x4000_0500, 1);

        assertThat(bus.read32(0x4000_0500)).isEqualTo(1);
        assertThat(bus.read32(0x4000_2000)).isEqualTo(0x1234_5678); // the modelled peripheral wins
        assertThat(apb.touched()).containsExactly("PERIPHERAL@40000000");
    }

    @Test
    void fillSetsBytesAcrossTheRange() {
        bus.fill(0x2000_0010, 6, (byte) 0xAA);
        assertThat(bus.read32(0x2000_0010)).isEqualTo(0xAAAA_AAAA);
        assertThat(bus.read32(0x2000_0014)).isEqualTo(0x0000_AAAA);
    }

    /** A flash controller that records the core's stores and programs words only while "enabled". */
    private final class RecordingController implements MemoryBus.FlashController {
        final List<String> stores = new ArrayList<>();
        boolean writeEnabled;

        @Override
        public void cpuWrite32(int address, int value) {
            stores.add(String.format("word 0x%08X=0x%08X", address, value));
            if (writeEnabled) {
                bus.write32(address, value);
            }
        }

        @Override
        public void cpuWrite8(int address, byte value) {
            stores.add(String.format("byte 0x%08X", address));
        }
    }

    private RecordingController attachController() {
        RecordingController controller = new RecordingController();
        bus.attachFlashController(bus.regionOf(0).orElseThrow(), controller);
        return controller;
    }

    @Test
    void theCoresStoresIntoFlashGoToTheFlashController() {
        RecordingController controller = attachController();

        bus.cpuPort().write32(0x100, 0x1234_5678);
        bus.cpuPort().write8(0x104, (byte) 1);

        assertThat(controller.stores).containsExactly("word 0x00000100=0x12345678", "byte 0x00000104");
        assertThat(bus.read32(0x100)).isEqualTo(0xFFFF_FFFF);
        controller.writeEnabled = true;
        bus.cpuPort().write32(0x100, 0x1234_5678);
        assertThat(bus.cpuPort().read32(0x100)).isEqualTo(0x1234_5678);
    }

    @Test
    void theDebuggersStoresStillProgramFlashDirectly() {
        RecordingController controller = attachController();

        bus.write(0x200, new byte[] {1, 2, 3, 4, 5}, 0, 5);
        bus.write32(0x300, 0xCAFE_F00D);

        assertThat(controller.stores).isEmpty();
        assertThat(bus.read32(0x200)).isEqualTo(0x0403_0201);
        assertThat(bus.read32(0x300)).isEqualTo(0xCAFE_F00D);
    }

    @Test
    void aBlockStoreIntoFlashReachesTheControllerAsAlignedWordsAndLeftoverBytes() {
        RecordingController controller = attachController();

        bus.cpuPort().write(0x102, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8);

        assertThat(controller.stores).containsExactly("byte 0x00000102", "byte 0x00000103",
                "word 0x00000104=0x06050403", "byte 0x00000108", "byte 0x00000109");
    }

    @Test
    void theCorePortReachesRamAndPeripheralsAsTheBusDoes() {
        attachController();

        bus.cpuPort().write(0x2000_0000, new byte[] {9, 8, 7}, 0, 3);
        bus.cpuPort().fill(0x2000_0010, 4, (byte) 0x55);
        bus.cpuPort().write32(0x4000_2004, 42);

        assertThat(bus.read32(0x2000_0000)).isEqualTo(0x0007_0809);
        assertThat(bus.read32(0x2000_0010)).isEqualTo(0x5555_5555);
        assertThat(written).containsExactly(42);
    }

    @Test
    void aFlashControllerAttachesOnlyToAFlashRegionOfTheBus() {
        MemoryRegion ram = bus.regionOf(0x2000_0000).orElseThrow();
        assertThatThrownBy(() -> bus.attachFlashController(ram, new RecordingController()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a flash region");
    }
}
