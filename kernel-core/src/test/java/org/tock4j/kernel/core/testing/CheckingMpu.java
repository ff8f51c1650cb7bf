package org.tock4j.kernel.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.AppMemoryRegion;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.kernel.platform.mpu.MpuConfig;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.platform.mpu.Region;

/**
 * A simple MPU that enforces what the kernel configured: while the app MPU is enabled a process may read and
 * write its app memory {@code [start, app break)}, read its flash, and use regions it added; nothing else.
 * Regions are exact (no power-of-two rounding), so tests can predict every address. Like the hardware's region
 * registers, it enforces the configuration as it was at the last {@link #configureMpu}: later changes to the
 * config object take effect only when it is configured again.
 */
public final class CheckingMpu implements Mpu {

    /** One process's regions. */
    public static final class Config implements MpuConfig {
        private Region flash;
        private int appStart;
        private int appBreak;
        private int kernelBreak;
        private boolean hasApp;
        private final List<Region> extra = new ArrayList<>();

        private Config copy() {
            Config c = new Config();
            c.flash = flash;
            c.appStart = appStart;
            c.appBreak = appBreak;
            c.kernelBreak = kernelBreak;
            c.hasApp = hasApp;
            c.extra.addAll(extra);
            return c;
        }

        @Override
        public String toString() {
            return String.format("CheckingMpu[flash %s, app %#010x..%#010x, kernel break %#010x, extra %s]",
                    flash, appStart, appBreak, kernelBreak, extra);
        }
    }

    private Config active;
    private boolean enabled;

    @Override
    public void enableAppMpu() {
        enabled = true;
    }

    @Override
    public void disableAppMpu() {
        enabled = false;
    }

    @Override
    public int numberTotalRegions() {
        return 8;
    }

    @Override
    public Optional<MpuConfig> newConfig() {
        return Optional.of(new Config());
    }

    @Override
    public void resetConfig(MpuConfig config) {
        Config c = (Config) config;
        c.flash = null;
        c.hasApp = false;
        c.extra.clear();
    }

    @Override
    public Optional<Region> allocateRegion(int unallocatedMemoryStart, int unallocatedMemorySize, int minRegionSize,
            Permissions permissions, MpuConfig config) {
        if (Integer.compareUnsigned(minRegionSize, unallocatedMemorySize) > 0) {
            return Optional.empty();
        }
        Config c = (Config) config;
        Region region = new Region(unallocatedMemoryStart, minRegionSize);
        if (permissions == Permissions.ReadExecuteOnly && c.flash == null) {
            c.flash = region;
        } else {
            c.extra.add(region);
        }
        return Optional.of(region);
    }

    @Override
    public boolean removeMemoryRegion(Region region, MpuConfig config) {
        return ((Config) config).extra.remove(region);
    }

    @Override
    public Optional<AppMemoryRegion> allocateAppMemoryRegion(int unallocatedMemoryStart, int unallocatedMemorySize,
            int minMemorySize, int initialAppMemorySize, int initialKernelMemorySize, Permissions permissions,
            MpuConfig config) {
        long memorySize = Math.max(Integer.toUnsignedLong(minMemorySize),
                Integer.toUnsignedLong(initialAppMemorySize) + Integer.toUnsignedLong(initialKernelMemorySize));
        if (memorySize > Integer.toUnsignedLong(unallocatedMemorySize)) {
            return Optional.empty();
        }
        Config c = (Config) config;
        c.hasApp = true;
        c.appStart = unallocatedMemoryStart;
        c.appBreak = unallocatedMemoryStart + initialAppMemorySize;
        c.kernelBreak = (int) (unallocatedMemoryStart + memorySize - initialKernelMemorySize);
        return Optional.of(new AppMemoryRegion(unallocatedMemoryStart, (int) memorySize));
    }

    @Override
    public boolean updateAppMemoryRegion(int appMemoryBreak, int kernelMemoryBreak, Permissions permissions,
            MpuConfig config) {
        if (Integer.compareUnsigned(appMemoryBreak, kernelMemoryBreak) > 0) {
            return false;
        }
        Config c = (Config) config;
        c.appBreak = appMemoryBreak;
        c.kernelBreak = kernelMemoryBreak;
        return true;
    }

    @Override
    public void configureMpu(MpuConfig config) {
        active = ((Config) config).copy();
    }

    @Override
    public boolean checkAccess(int address, int length, Access access) {
        if (!enabled) {
            return true;
        }
        if (active == null) {
            return false;
        }
        if (active.hasApp && within(address, length, active.appStart, active.appBreak)) {
            return access != Access.EXECUTE;
        }
        if (active.flash != null && within(address, length, active.flash.startAddress(),
                active.flash.startAddress() + active.flash.size())) {
            return access != Access.WRITE;
        }
        for (Region r : active.extra) {
            if (within(address, length, r.startAddress(), r.startAddress() + r.size())) {
                return access != Access.EXECUTE;
            }
        }
        return false;
    }

    private static boolean within(int address, int length, int start, int end) {
        long a = Integer.toUnsignedLong(address);
        return a >= Integer.toUnsignedLong(start) && a + length <= Integer.toUnsignedLong(end);
    }
}
