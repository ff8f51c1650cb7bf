package org.tock4j.kernel.platform.mpu;

import java.util.Optional;

/**
 * A memory protection unit: the regions an unprivileged process may touch.
 *
 * <pre>
 *   process memory   ┌──────────────┬──────────────┬───────────────┐
 *                    │ app memory   │ free         │ grant region  │
 *                    └──────────────┴──────────────┴───────────────┘
 *                    start      app break    kernel break        end
 *   MPU region:      ◄── accessible ──►  (rounded to the MPU's rules)
 * </pre>
 *
 * <p>Because the chip is emulated, {@link #checkAccess} is the hardware check itself: the userspace runtime
 * asks it before every access an app makes.
 *
 * <p>Tock counterpart: {@code kernel::platform::mpu::MPU}.
 */
public interface Mpu {

    void enableAppMpu();

    void disableAppMpu();

    int numberTotalRegions();

    Optional<MpuConfig> newConfig();

    void resetConfig(MpuConfig config);

    /** A region of at least {@code minRegionSize} bytes inside the unallocated memory. */
    Optional<Region> allocateRegion(int unallocatedMemoryStart, int unallocatedMemorySize, int minRegionSize,
            Permissions permissions, MpuConfig config);

    /** Removes a region {@link #allocateRegion} made; false if it is not in the configuration. */
    boolean removeMemoryRegion(Region region, MpuConfig config);

    /**
     * Chooses where a process's memory goes inside the unallocated memory, so that the app part is coverable by
     * the MPU, and configures the app region.
     */
    Optional<AppMemoryRegion> allocateAppMemoryRegion(int unallocatedMemoryStart, int unallocatedMemorySize,
            int minMemorySize, int initialAppMemorySize, int initialKernelMemorySize, Permissions permissions,
            MpuConfig config);

    /** Moves the app region's end to {@code appMemoryBreak}; false if it would overlap the kernel's memory. */
    boolean updateAppMemoryRegion(int appMemoryBreak, int kernelMemoryBreak, Permissions permissions,
            MpuConfig config);

    /** Loads {@code config} into the hardware. */
    void configureMpu(MpuConfig config);

    /**
     * Whether the configured regions let an unprivileged access of {@code length} bytes at {@code address}
     * through. Always true while the app MPU is disabled.
     */
    boolean checkAccess(int address, int length, Access access);
}
