package org.tock4j.kernel.core.testing;

import java.util.Optional;

import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.AppMemoryRegion;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.kernel.platform.mpu.MpuConfig;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.platform.mpu.Region;

/**
 * An MPU that logs {@code mpu.enable} and {@code mpu.disable} (the app MPU switched on for a process and off
 * again for the kernel) to a {@link Timeline} and otherwise is the MPU it wraps.
 */
public final class RecordingMpu implements Mpu {
    private final Mpu inner;
    private final Timeline timeline;
    private boolean enabled;

    public RecordingMpu(Mpu inner, Timeline timeline) {
        this.inner = inner;
        this.timeline = timeline;
    }

    /** Whether the app MPU is on now. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void enableAppMpu() {
        timeline.add("mpu.enable");
        enabled = true;
        inner.enableAppMpu();
    }

    @Override
    public void disableAppMpu() {
        timeline.add("mpu.disable");
        enabled = false;
        inner.disableAppMpu();
    }

    @Override
    public int numberTotalRegions() {
        return inner.numberTotalRegions();
    }

    @Override
    public Optional<MpuConfig> newConfig() {
        return inner.newConfig();
    }

    @Override
    public void resetConfig(MpuConfig config) {
        inner.resetConfig(config);
    }

    @Override
    public Optional<Region> allocateRegion(int unallocatedMemoryStart, int unallocatedMemorySize, int minRegionSize,
            Permissions permissions, MpuConfig config) {
        return inner.allocateRegion(unallocatedMemoryStart, unallocatedMemorySize, minRegionSize, permissions,
                config);
    }

    @Override
    public boolean removeMemoryRegion(Region region, MpuConfig config) {
        return inner.removeMemoryRegion(region, config);
    }

    @Override
    public Optional<AppMemoryRegion> allocateAppMemoryRegion(int unallocatedMemoryStart, int unallocatedMemorySize,
            int minMemorySize, int initialAppMemorySize, int initialKernelMemorySize, Permissions permissions,
            MpuConfig config) {
        return inner.allocateAppMemoryRegion(unallocatedMemoryStart, unallocatedMemorySize, minMemorySize,
                initialAppMemorySize, initialKernelMemorySize, permissions, config);
    }

    @Override
    public boolean updateAppMemoryRegion(int appMemoryBreak, int kernelMemoryBreak, Permissions permissions,
            MpuConfig config) {
        return inner.updateAppMemoryRegion(appMemoryBreak, kernelMemoryBreak, permissions, config);
    }

    @Override
    public void configureMpu(MpuConfig config) {
        inner.configureMpu(config);
    }

    @Override
    public boolean checkAccess(int address, int length, Access access) {
        return inner.checkAccess(address, length, access);
    }
}
