package org.tock4j.chips.emulator;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.mmio.MmioDevice;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * A chip's physical address space: RAM and flash regions backed by {@link PagedMemory} and peripherals'
 * MMIO registers, little-endian, with 32-bit unsigned addresses. An access where nothing is mapped throws a
 * {@link BusFault} naming the address.
 *
 * <pre>{@code
 * MemoryBus bus = new MemoryBus();
 * bus.mapMemory("FLASH", 0x0000_0000, new PagedMemory(1 << 20, (byte) 0xFF), RegionKind.FLASH);
 * bus.mapMemory("RAM", 0x2000_0000, new PagedMemory(256 << 10, (byte) 0x00), RegionKind.RAM);
 * bus.mapDevice(uarteRegisters);                 // a RegisterBank
 * bus.regionOf(0x2000_0100);                     // Optional[RAM [0x20000000..0x20040000) RAM]
 * }</pre>
 *
 * <p>Word accesses to peripherals must be aligned (a {@link BusFault} otherwise). A byte read from a
 * peripheral reads the containing word; a byte write to a peripheral is reported by the device and
 * ignored.
 *
 * <p>The bus has two masters. Its own methods are the debugger's access port: a store into flash programs it
 * directly, as a debug probe does (how a board writes app images at boot). {@link #cpuPort()} is the core's
 * view: identical for RAM and peripherals, but a store into a flash region goes to the region's
 * {@linkplain #attachFlashController flash controller} (the nRF52 NVMC), which decides whether and when the
 * word is programmed. A flash region without a controller takes CPU stores like the debugger's.
 *
 * <p>Tock counterpart: none; on hardware the kernel dereferences raw pointers.
 */
public final class MemoryBus implements PhysicalMemory {
    private static final Logger LOG = System.getLogger(MemoryBus.class.getName());

    private static final int RECENT_SLOT_BITS = 8;
    private static final int RECENT_SLOTS = 1 << RECENT_SLOT_BITS;

    private final List<Mapping> mappings = new ArrayList<>();
    private final List<Mapping> background = new ArrayList<>();
    private final Map<MemoryRegion, FlashController> flashControllers = new HashMap<>();
    private final PhysicalMemory cpuPort = new CpuPort();
    /**
     * The mapping of recently accessed words, direct-mapped by a hash of the word address (neighbouring
     * registers land in different slots): the kernel touches the same few registers (SysTick, NVIC, MPU) and
     * RAM words on every system call. A slot holds a mapping only if the whole word lies inside it.
     */
    private final int[] recentWords = new int[RECENT_SLOTS];
    private final Mapping[] recentMappings = new Mapping[RECENT_SLOTS];
    /** {@link #mappings} by start address, as unsigned values, for a binary search: rebuilt by {@link #add}. */
    private long[] sortedStarts = new long[0];
    private long[] sortedEnds = new long[0];
    private Mapping[] sorted = new Mapping[0];

    /**
     * What a CPU store into a flash region does: the chip's flash controller decides (programs the word, after
     * its write time, or refuses it). Addresses are absolute; the controller holds the region's memory.
     *
     * <p>Tock counterpart: none (the NVMC's AHB interface to the flash array).
     */
    public interface FlashController {

        /** The core stored the word {@code value} at {@code address} (which may be unaligned). */
        void cpuWrite32(int address, int value);

        /** The core stored the byte {@code value} at {@code address}. */
        void cpuWrite8(int address, byte value);
    }

    private record Mapping(MemoryRegion region, PagedMemory memory, MmioDevice device) {
        int offset(int address) {
            return address - region.start();
        }
    }

    /** Maps {@code memory} at {@code start} as RAM or flash. */
    public MemoryRegion mapMemory(String name, int start, PagedMemory memory, RegionKind kind) {
        if (kind == RegionKind.PERIPHERAL) {
            throw new IllegalArgumentException(name + ": memory cannot be mapped as a peripheral");
        }
        MemoryRegion region = new MemoryRegion(name, start, memory.size(), kind);
        add(new Mapping(region, Objects.requireNonNull(memory), null));
        return region;
    }

    /** Maps a peripheral's registers at {@code [start, start + size)}. */
    public MemoryRegion mapDevice(int start, int size, MmioDevice device) {
        MemoryRegion region = new MemoryRegion(device.name(), start, size, RegionKind.PERIPHERAL);
        add(new Mapping(region, null, device));
        return region;
    }

    /**
     * Maps {@code device} under everything else in {@code [start, start + size)}: it answers only where no
     * other mapping does (the part of a chip's peripheral space the emulator does not model).
     */
    public MemoryRegion mapBackground(int start, int size, MmioDevice device) {
        MemoryRegion region = new MemoryRegion(device.name(), start, size, RegionKind.PERIPHERAL);
        background.add(new Mapping(region, null, device));
        return region;
    }

    /**
     * Routes the core's stores into the flash region {@code region} (mapped on this bus) to {@code controller};
     * the debugger's stores through the bus's own methods still program it directly.
     */
    public void attachFlashController(MemoryRegion region, FlashController controller) {
        Objects.requireNonNull(controller, "controller");
        boolean mapped = mappings.stream().anyMatch(m -> m.region().equals(region) && m.memory() != null);
        if (!mapped || region.kind() != RegionKind.FLASH) {
            throw new IllegalArgumentException(region + " is not a flash region mapped on this bus");
        }
        flashControllers.put(region, controller);
    }

    /**
     * The core's view of the address space: the same memory and peripherals, but stores into flash go to the
     * flash controller attached to the region (see {@link #attachFlashController}). Drivers reach the chip
     * through this port.
     */
    public PhysicalMemory cpuPort() {
        return cpuPort;
    }

    /** Maps a register bank over its window. */
    public MemoryRegion mapDevice(RegisterBank bank) {
        return mapDevice(bank.windowStart(), bank.windowSize(), bank);
    }

    /** The region holding {@code address}, if anything is mapped there. */
    public Optional<MemoryRegion> regionOf(int address) {
        Mapping m = find(address);
        return m == null ? Optional.empty() : Optional.of(m.region());
    }

    /**
     * Bytes of RAM and flash storage allocated so far: the pages of every mapped {@link PagedMemory} that were
     * written (untouched pages cost nothing). For measuring what a board costs beyond its touched memory.
     */
    public long allocatedMemoryBytes() {
        long pages = 0;
        for (Mapping m : mappings) {
            if (m.memory() != null) {
                pages += m.memory().allocatedPages();
            }
        }
        return pages * PagedMemory.PAGE_SIZE;
    }

    /** Every mapped region, by address. */
    public List<MemoryRegion> regions() {
        return mappings.stream().map(Mapping::region).toList();
    }

    @Override
    public byte read8(int address) {
        Mapping m = require(address, "read8");
        if (m.memory() != null) {
            return m.memory().read8(m.offset(address));
        }
        int word = m.device().read32(address & ~3);
        return (byte) (word >>> ((address & 3) * 8));
    }

    @Override
    public void write8(int address, byte value) {
        Mapping m = require(address, "write8");
        if (m.memory() != null) {
            m.memory().write8(m.offset(address), value);
        } else {
            m.device().unsupportedByteWrite(address);
        }
    }

    @Override
    public int read32(int address) {
        Mapping m = require(address, "read32");
        if (m.memory() != null) {
            int offset = m.offset(address);
            if (fitsWord(m, offset)) {
                return m.memory().read32(offset);
            }
            return (read8(address) & 0xFF)
                    | (read8(address + 1) & 0xFF) << 8
                    | (read8(address + 2) & 0xFF) << 16
                    | (read8(address + 3) & 0xFF) << 24;
        }
        requireAligned(m, address, "read32");
        return m.device().read32(address);
    }

    @Override
    public void write32(int address, int value) {
        Mapping m = require(address, "write32");
        if (m.memory() != null) {
            int offset = m.offset(address);
            if (fitsWord(m, offset)) {
                m.memory().write32(offset, value);
                return;
            }
            for (int i = 0; i < 4; i++) {
                write8(address + i, (byte) (value >>> (8 * i)));
            }
            return;
        }
        requireAligned(m, address, "write32");
        m.device().write32(address, value);
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        while (length > 0) {
            Mapping m = require(address, "read");
            int chunk = chunkIn(m, address, length);
            if (m.memory() != null) {
                m.memory().read(m.offset(address), into, offset, chunk);
            } else {
                for (int i = 0; i < chunk; i++) {
                    into[offset + i] = read8(address + i);
                }
            }
            address += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, from.length);
        while (length > 0) {
            Mapping m = require(address, "write");
            int chunk = chunkIn(m, address, length);
            if (m.memory() != null) {
                m.memory().write(m.offset(address), from, offset, chunk);
            } else {
                for (int i = 0; i < chunk; i++) {
                    write8(address + i, from[offset + i]);
                }
            }
            address += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    @Override
    public void fill(int address, int length, byte value) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length: " + length);
        }
        while (length > 0) {
            Mapping m = require(address, "fill");
            int chunk = chunkIn(m, address, length);
            if (m.memory() != null) {
                m.memory().fill(m.offset(address), chunk, value);
            } else {
                for (int i = 0; i < chunk; i++) {
                    write8(address + i, value);
                }
            }
            address += chunk;
            length -= chunk;
        }
    }

    private static boolean fitsWord(Mapping m, int offset) {
        return m.region().size() >= 4 && Integer.compareUnsigned(offset, m.region().size() - 4) <= 0;
    }

    private int chunkIn(Mapping m, int address, int length) {
        if (m.device() != null) {
            return 1; // peripherals byte by byte (a specific mapping may begin inside a background one)
        }
        long left = m.region().end() - Integer.toUnsignedLong(address);
        return (int) Math.min(left, length);
    }

    private void add(Mapping mapping) {
        for (Mapping other : mappings) {
            MemoryRegion a = mapping.region();
            MemoryRegion b = other.region();
            if (Integer.toUnsignedLong(a.start()) < b.end() && Integer.toUnsignedLong(b.start()) < a.end()) {
                throw new IllegalArgumentException("cannot map " + a + ": it overlaps " + b);
            }
        }
        mappings.add(mapping);
        mappings.sort(Comparator.comparingLong(x -> Integer.toUnsignedLong(x.region().start())));
        sorted = mappings.toArray(new Mapping[0]);
        sortedStarts = new long[sorted.length];
        sortedEnds = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            sortedStarts[i] = Integer.toUnsignedLong(sorted[i].region().start());
            sortedEnds[i] = sorted[i].region().end();
        }
        LOG.log(Level.DEBUG, "mapped {0}", mapping.region());
    }

    private Mapping find(int address) {
        int word = address & ~3;
        int slot = ((word >>> 2) * 0x9E37_79B1) >>> (Integer.SIZE - RECENT_SLOT_BITS);
        Mapping recent = recentMappings[slot];
        if (recent != null && recentWords[slot] == word) {
            return recent;
        }
        // Mappings never overlap: the only candidate is the last one starting at or below the address.
        long unsigned = Integer.toUnsignedLong(address);
        long[] starts = sortedStarts;
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] <= unsigned) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (high >= 0 && unsigned < sortedEnds[high]) {
            Mapping m = sorted[high];
            long wordStart = Integer.toUnsignedLong(word);
            if (wordStart >= sortedStarts[high] && wordStart + 4 <= sortedEnds[high]) {
                recentWords[slot] = word;
                recentMappings[slot] = m;
            }
            return m;
        }
        for (Mapping m : background) {
            if (m.region().contains(address)) {
                return m;
            }
        }
        return null;
    }

    private Mapping require(int address, String access) {
        Mapping m = find(address);
        if (m == null) {
            throw new BusFault(address, access + " where no memory or peripheral is mapped");
        }
        return m;
    }

    private static void requireAligned(Mapping m, int address, String access) {
        if ((address & 3) != 0) {
            throw new BusFault(address, "unaligned " + access + " of peripheral " + m.region().name());
        }
    }

    /** The flash controller that takes the core's stores at {@code address}; null where none does. */
    private FlashController controllerAt(int address) {
        if (flashControllers.isEmpty()) {
            return null;
        }
        Mapping m = find(address);
        return m == null || m.memory() == null ? null : flashControllers.get(m.region());
    }

    /** The core's port: like the bus, except that stores into a controlled flash region go to its controller. */
    private final class CpuPort implements PhysicalMemory {

        @Override
        public byte read8(int address) {
            return MemoryBus.this.read8(address);
        }

        @Override
        public int read32(int address) {
            return MemoryBus.this.read32(address);
        }

        @Override
        public void read(int address, byte[] into, int offset, int length) {
            MemoryBus.this.read(address, into, offset, length);
        }

        @Override
        public void write8(int address, byte value) {
            FlashController controller = controllerAt(address);
            if (controller != null) {
                controller.cpuWrite8(address, value);
            } else {
                MemoryBus.this.write8(address, value);
            }
        }

        @Override
        public void write32(int address, int value) {
            FlashController controller = controllerAt(address);
            if (controller != null) {
                controller.cpuWrite32(address, value);
            } else {
                MemoryBus.this.write32(address, value);
            }
        }

        @Override
        public void write(int address, byte[] from, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, from.length);
            while (length > 0) {
                Mapping m = find(address);
                FlashController controller =
                        m == null || m.memory() == null ? null : flashControllers.get(m.region());
                int chunk;
                if (controller == null) {
                    chunk = m == null || m.memory() == null ? 1
                            : (int) Math.min(length, m.region().end() - Integer.toUnsignedLong(address));
                    MemoryBus.this.write(address, from, offset, chunk);
                } else if ((address & 3) == 0 && length >= 4) {
                    chunk = 4;
                    controller.cpuWrite32(address, (from[offset] & 0xFF) | (from[offset + 1] & 0xFF) << 8
                            | (from[offset + 2] & 0xFF) << 16 | (from[offset + 3] & 0xFF) << 24);
                } else {
                    chunk = 1;
                    controller.cpuWrite8(address, from[offset]);
                }
                address += chunk;
                offset += chunk;
                length -= chunk;
            }
        }

        @Override
        public void fill(int address, int length, byte value) {
            if (length < 0) {
                throw new IllegalArgumentException("negative length: " + length);
            }
            if (flashControllers.isEmpty()) {
                MemoryBus.this.fill(address, length, value);
                return;
            }
            byte[] bytes = new byte[Math.min(length, PagedMemory.PAGE_SIZE)];
            Arrays.fill(bytes, value);
            while (length > 0) {
                int chunk = Math.min(length, bytes.length);
                write(address, bytes, 0, chunk);
                address += chunk;
                length -= chunk;
            }
        }

        @Override
        public String toString() {
            return "the core's port of " + MemoryBus.this;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MemoryBus");
        for (Mapping m : mappings) {
            sb.append("\n  ").append(m.region());
        }
        for (Mapping m : background) {
            sb.append("\n  (background) ").append(m.region());
        }
        return sb.toString();
    }
}
