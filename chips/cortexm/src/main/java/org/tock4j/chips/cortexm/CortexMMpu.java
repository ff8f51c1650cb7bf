package org.tock4j.chips.cortexm;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.chips.cortexm.hardware.MpuModel;
import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.AppMemoryRegion;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.kernel.platform.mpu.MpuConfig;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.platform.mpu.Region;

/**
 * The ARMv7-M MPU driver: Tock's algorithm for placing process memory under power-of-two regions with
 * subregions, programming MPU_RBAR/MPU_RASR through the bus.
 *
 * <pre>
 *   allocateAppMemoryRegion: two MPU regions (0 and 1), each half of the power-of-two process block;
 *   eighths (subregions) are enabled up to the app break, so app memory grows a sixteenth at a time.
 *
 *   region 0                         region 1
 *   ├──┬──┬──┬──┬──┬──┬──┬──┤├──┬──┬──┬──┬──┬──┬──┬──┤
 *   ████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  ← enabled up to the app break
 *                                          ▲ kernel memory break (grants grow down)
 * </pre>
 *
 * <p>{@link #checkAccess} asks the MPU hardware model, so it checks exactly what {@link #configureMpu}
 * wrote.
 *
 * <p>Tock counterpart: {@code cortexm::mpu::MPU<NUM_REGIONS, MIN_REGION_SIZE>} (here 8 regions of at least
 * 32 bytes, as {@code cortexm4::mpu::MPU}).
 */
public final class CortexMMpu implements Mpu {
    /** The smallest region any Cortex-M MPU allows. */
    public static final int CORTEXM_MIN_REGION_SIZE = 32;
    private static final int CTRL_PRIVDEFENA = 1 << 2;
    private static final long ADDRESS_SPACE = 0x1_0000_0000L;

    private final MmioRegisters regs;
    private final MpuModel hardware;
    private final int numRegions;
    private final int minRegionSize;
    private long configCount = 1;
    private long hardwareIsConfiguredFor;

    CortexMMpu(PhysicalMemory bus, MpuModel hardware, int numRegions, int minRegionSize) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), MpuModel.BASE);
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.numRegions = numRegions;
        this.minRegionSize = minRegionSize;
    }

    @Override
    public void enableAppMpu() {
        // Enable the MPU, off in HardFault/NMI handlers, privileged code keeps the default memory map.
        regs.write(MpuModel.MPU_CTRL, MpuModel.CTRL_ENABLE | CTRL_PRIVDEFENA);
    }

    @Override
    public void disableAppMpu() {
        regs.write(MpuModel.MPU_CTRL, 0);
    }

    @Override
    public int numberTotalRegions() {
        return (regs.read(MpuModel.MPU_TYPE) >>> 8) & 0xFF;
    }

    @Override
    public Optional<MpuConfig> newConfig() {
        if (configCount == Long.MAX_VALUE) {
            return Optional.empty();
        }
        CortexMConfig config = new CortexMConfig(this, configCount++, numRegions);
        resetConfig(config);
        return Optional.of(config);
    }

    @Override
    public void resetConfig(MpuConfig config) {
        CortexMConfig c = own(config);
        for (int i = 0; i < c.regionCount(); i++) {
            c.setRegion(i, CortexMRegion.empty(i));
        }
        c.markDirty();
    }

    @Override
    public Optional<Region> allocateRegion(int unallocatedMemoryStart, int unallocatedMemorySize, int minRegionSize,
            Permissions permissions, MpuConfig config) {
        CortexMConfig c = own(config);
        long unallocatedStart = Integer.toUnsignedLong(unallocatedMemoryStart);
        long unallocatedSize = Integer.toUnsignedLong(unallocatedMemorySize);
        if (overlapsAny(c, unallocatedStart, unallocatedSize)) {
            return Optional.empty();
        }
        OptionalInt regionNum = c.unusedRegionNumber();
        if (regionNum.isEmpty()) {
            return Optional.empty();
        }

        // The logical region.
        long start = unallocatedStart;
        long size = Integer.toUnsignedLong(minRegionSize);
        if (start % this.minRegionSize != 0) {
            start += this.minRegionSize - (start % this.minRegionSize);
        }
        if (size < this.minRegionSize) {
            size = this.minRegionSize;
        }

        // The physical MPU region: larger than the logical one when some subregions are disabled.
        long regionStart = start;
        long regionSize = size;
        int minSubregion = -1;
        int maxSubregion = -1;

        // A region must be a power of two dividing its start. Failing that, first try a larger region of
        // which only some subregions are enabled.
        if (Long.bitCount(size) > 1 || start % size != 0) {
            // The subregion size that aligns with start: its lowest set bit.
            long subregionSize;
            int tz = Integer.numberOfTrailingZeros((int) start);
            if (tz < 32) {
                subregionSize = 1L << tz;
            } else {
                long ceil = closestPowerOfTwo(size);
                if (ceil < 256) {
                    ceil = 256;
                }
                subregionSize = ceil / 8;
            }
            long underlyingRegionSize = subregionSize * 8;
            long underlyingRegionStart = start - (start % underlyingRegionSize);
            if (size % subregionSize != 0) {
                size += subregionSize - (size % subregionSize);
            }
            long end = start + size;
            long underlyingRegionEnd = underlyingRegionStart + underlyingRegionSize;

            // Subregions need a region of at least 256 bytes, and the region must reach past the end.
            if (subregionSize >= 32 && underlyingRegionEnd >= end) {
                minSubregion = (int) ((start - underlyingRegionStart) / subregionSize);
                maxSubregion = (int) (minSubregion + size / subregionSize - 1);
                regionStart = underlyingRegionStart;
                regionSize = underlyingRegionSize;
            } else {
                // No subregion layout fits: round size up to a power of two and move start up to align.
                size = closestPowerOfTwo(size);
                if (size == 0) {
                    return Optional.empty();
                }
                start += size - (start % size);
                regionStart = start;
                regionSize = size;
            }
        }

        if (start + size > unallocatedStart + unallocatedSize || start + size > ADDRESS_SPACE) {
            return Optional.empty();
        }
        Optional<CortexMRegion> region = CortexMRegion.create(start, size, regionStart, regionSize,
                regionNum.getAsInt(), minSubregion, maxSubregion, permissions);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        c.setRegion(regionNum.getAsInt(), region.get());
        return Optional.of(new Region((int) start, (int) size));
    }

    @Override
    public boolean removeMemoryRegion(Region region, MpuConfig config) {
        CortexMConfig c = own(config);
        for (int idx = 0; idx < c.regionCount(); idx++) {
            if (c.region(idx).matches(region)) {
                if (idx <= CortexMConfig.APP_MEMORY_REGION_MAX_NUM) {
                    return false;
                }
                c.setRegion(idx, CortexMRegion.empty(idx));
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<AppMemoryRegion> allocateAppMemoryRegion(int unallocatedMemoryStart, int unallocatedMemorySize,
            int minMemorySize, int initialAppMemorySize, int initialKernelMemorySize, Permissions permissions,
            MpuConfig config) {
        CortexMConfig c = own(config);
        long unallocatedStart = Integer.toUnsignedLong(unallocatedMemoryStart);
        long unallocatedSize = Integer.toUnsignedLong(unallocatedMemorySize);
        long appSize = Integer.toUnsignedLong(initialAppMemorySize);
        long kernelSize = Integer.toUnsignedLong(initialKernelMemorySize);
        if (overlapsAny(c, unallocatedStart, unallocatedSize)) {
            return Optional.empty();
        }

        // Enough memory for app memory and kernel memory, as a power of two.
        long memorySize = Math.max(Integer.toUnsignedLong(minMemorySize), appSize + kernelSize);
        long memorySizePo2 = closestPowerOfTwo(memorySize);
        int exponent = log2(memorySizePo2);
        if (exponent < 9) {
            // Two regions of at least 256 bytes each (to have subregions).
            memorySizePo2 = 512;
        } else if (exponent > 32) {
            return Optional.empty();
        }

        // Each of the two MPU regions is half the block.
        long regionSize = memorySizePo2 / 2;
        long regionStart = unallocatedStart;
        if (regionStart % regionSize != 0) {
            regionStart += regionSize - (regionStart % regionSize);
        }

        // Enabled subregions: round_up(app memory / subregion size), computed as Tock does.
        long numEnabledSubregions = appSize * 8 / regionSize + 1;
        long subregionSize = regionSize / 8;
        long subregionsEnabledEnd = regionStart + numEnabledSubregions * subregionSize;
        long kernelMemoryBreak = regionStart + memorySizePo2 - kernelSize;

        // If the last enabled subregion would overlap kernel memory, make the block twice as big.
        if (subregionsEnabledEnd > kernelMemoryBreak) {
            regionSize *= 2;
            if (regionStart % regionSize != 0) {
                regionStart += regionSize - (regionStart % regionSize);
            }
            numEnabledSubregions = appSize * 8 / regionSize + 1;
        }

        if (regionStart + memorySizePo2 > unallocatedStart + unallocatedSize) {
            return Optional.empty();
        }

        if (!setAppRegions(c, regionStart, regionSize, numEnabledSubregions, permissions)) {
            return Optional.empty();
        }
        return Optional.of(new AppMemoryRegion((int) regionStart, (int) memorySizePo2));
    }

    @Override
    public boolean updateAppMemoryRegion(int appMemoryBreak, int kernelMemoryBreak, Permissions permissions,
            MpuConfig config) {
        CortexMConfig c = own(config);
        Optional<Region> first = c.region(0).location();
        if (first.isEmpty()) {
            return false; // the app region was never allocated
        }
        long regionStart = Integer.toUnsignedLong(first.get().startAddress());
        long regionSize = Integer.toUnsignedLong(first.get().size());
        long appBreak = Integer.toUnsignedLong(appMemoryBreak);
        long kernelBreak = Integer.toUnsignedLong(kernelMemoryBreak);

        if (appBreak > kernelBreak || appBreak < regionStart) {
            return false; // out of memory
        }
        long appMemorySize = appBreak - regionStart;
        long subregionSize = regionSize / 8;
        long numEnabledSubregions = (appMemorySize + subregionSize - 1) / subregionSize;
        long subregionsEnabledEnd = regionStart + subregionSize * numEnabledSubregions;

        // App memory must stay coverable without reaching kernel memory.
        if (subregionsEnabledEnd > kernelBreak) {
            return false;
        }
        return setAppRegions(c, regionStart, regionSize, numEnabledSubregions, permissions);
    }

    /** Regions 0 and 1 over the block, with the first {@code enabledSubregions} sixteenths enabled. */
    private static boolean setAppRegions(CortexMConfig c, long regionStart, long regionSize, long enabledSubregions,
            Permissions permissions) {
        int enabled0 = (int) Math.min(enabledSubregions, 8);
        long enabled1 = Math.max(0, enabledSubregions - 8);
        Optional<CortexMRegion> region0 = CortexMRegion.create(regionStart, regionSize, regionStart, regionSize, 0, 0,
                enabled0 - 1, permissions);
        if (region0.isEmpty()) {
            return false;
        }
        // An MPU region with no subregion enabled is left unused.
        Optional<CortexMRegion> region1 = enabled1 == 0 ? Optional.of(CortexMRegion.empty(1))
                : CortexMRegion.create(regionStart + regionSize, regionSize, regionStart + regionSize, regionSize, 1,
                        0, (int) Math.min(enabled1, 8) - 1, permissions);
        if (region1.isEmpty()) {
            return false;
        }
        c.setRegion(0, region0.get());
        c.setRegion(1, region1.get());
        return true;
    }

    @Override
    public void configureMpu(MpuConfig config) {
        CortexMConfig c = own(config);
        // Skip the hardware update when it already holds this configuration unchanged.
        if (hardwareIsConfiguredFor != c.id() || c.isDirty()) {
            for (CortexMRegion region : c.regions()) {
                regs.write(MpuModel.MPU_RBAR, region.baseAddress());
                regs.write(MpuModel.MPU_RASR, region.attributes());
            }
            hardwareIsConfiguredFor = c.id();
            c.markClean();
        }
    }

    @Override
    public boolean checkAccess(int address, int length, Access access) {
        return hardware.checkAccess(address, length, access);
    }

    /** Whether the MPU is enforcing (MPU_CTRL.ENABLE). */
    public boolean isEnabled() {
        return regs.isSet(MpuModel.MPU_CTRL, MpuModel.CTRL_ENABLE);
    }

    private CortexMConfig own(MpuConfig config) {
        if (config instanceof CortexMConfig c && c.owner() == this) {
            return c;
        }
        throw new IllegalArgumentException("not a configuration made by this MPU: " + config);
    }

    private static boolean overlapsAny(CortexMConfig c, long start, long size) {
        for (CortexMRegion region : c.regions()) {
            if (region.overlaps(start, size)) {
                return true;
            }
        }
        return false;
    }

    /** Tock's {@code math::closest_power_of_two} on a {@code u32}: the next power of two, 0 on overflow. */
    static long closestPowerOfTwo(long value) {
        int num = (int) value - 1;
        num |= num >>> 1;
        num |= num >>> 2;
        num |= num >>> 4;
        num |= num >>> 8;
        num |= num >>> 16;
        return Integer.toUnsignedLong(num + 1);
    }

    /** Tock's {@code math::log_base_two}: floor of log2, 0 for 0. */
    static int log2(long value) {
        return value == 0 ? 0 : 63 - Long.numberOfLeadingZeros(value);
    }
}
