package org.tock4j.kernel.platform.mpu;

import java.util.Optional;

/**
 * The MPU of a chip that has none: every region request succeeds as asked and nothing is enforced.
 *
 * <p>Tock counterpart: {@code impl MPU for ()}.
 */
public final class NoMpu implements Mpu {

    private static final MpuConfig CONFIG = new MpuConfig() {
        @Override
        public String toString() {
            return "";
        }
    };

    public NoMpu() {}

    @Override
    public void enableAppMpu() {}

    @Override
    public void disableAppMpu() {}

    @Override
    public int numberTotalRegions() {
        return 0;
    }

    @Override
    public Optional<MpuConfig> newConfig() {
        return Optional.of(CONFIG);
    }

    @Override
    public void resetConfig(MpuConfig config) {}

    @Override
    public Optional<Region> allocateRegion(int unallocatedMemoryStart, int unallocatedMemorySize,
            int minRegionSize, Permissions permissions, MpuConfig config) {
        if (Integer.compareUnsigned(minRegionSize, unallocatedMemorySize) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Region(unallocatedMemoryStart, minRegionSize));
    }

    @Override
    public boolean removeMemoryRegion(Region region, MpuConfig config) {
        return true;
    }

    @Override
    public Optional<AppMemoryRegion> allocateAppMemoryRegion(int unallocatedMemoryStart,
            int unallocatedMemorySize, int minMemorySize, int initialAppMemorySize, int initialKernelMemorySize,
            Permissions permissions, MpuConfig config) {
        long memorySize = Math.max(Integer.toUnsignedLong(minMemorySize),
                Integer.toUnsignedLong(initialAppMemorySize) + Integer.toUnsignedLong(initialKernelMemorySize));
        if (memorySize > Integer.toUnsignedLong(unallocatedMemorySize)) {
            return Optional.empty();
        }
        return Optional.of(new AppMemoryRegion(unallocatedMemoryStart, (int) memorySize));
    }

    @Override
    public boolean updateAppMemoryRegion(int appMemoryBreak, int kernelMemoryBreak, Permissions permissions,
            MpuConfig config) {
        return Integer.compareUnsigned(appMemoryBreak, kernelMemoryBreak) <= 0;
    }

    @Override
    public void configureMpu(MpuConfig config) {}

    @Override
    public boolean checkAccess(int address, int length, Access access) {
        return true;
    }
}
