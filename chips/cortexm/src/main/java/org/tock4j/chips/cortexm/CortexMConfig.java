package org.tock4j.chips.cortexm;

import java.util.List;
import java.util.OptionalInt;

import org.tock4j.kernel.platform.mpu.MpuConfig;
import org.tock4j.kernel.platform.mpu.Region;

/**
 * One process's MPU configuration: all regions computed in advance, written to the MPU when the process is
 * switched to.
 *
 * <p>{@link #toString()} prints it as Tock does in a panic report:
 *
 * <pre>
 *  Cortex-M MPU
 *   Region 0: [0x20004000:0x20004800], length: 2048 bytes; ReadWrite (0x3)
 *     Sub-region 0: [0x20004000:0x20004100], Enabled
 *     ...
 *   Region 2: Unused
 * </pre>
 *
 * <p>Tock counterpart: {@code cortexm::mpu::CortexMConfig}.
 */
public final class CortexMConfig implements MpuConfig {
    /** Regions 0 and 1 hold the app's RAM; the others serve {@code allocateRegion}. */
    static final int APP_MEMORY_REGION_MAX_NUM = 1;

    private final CortexMMpu owner;
    private final long id;
    private final CortexMRegion[] regions;
    private boolean dirty = true;

    CortexMConfig(CortexMMpu owner, long id, int numRegions) {
        this.owner = owner;
        this.id = id;
        this.regions = new CortexMRegion[numRegions];
        for (int i = 0; i < numRegions; i++) {
            regions[i] = CortexMRegion.empty(i);
        }
    }

    /** The unique number the MPU gave this configuration. */
    public long id() {
        return id;
    }

    /** The regions, by region number. */
    public List<CortexMRegion> regions() {
        return List.of(regions);
    }

    /** Whether it changed since it was last written to the MPU. */
    public boolean isDirty() {
        return dirty;
    }

    CortexMMpu owner() {
        return owner;
    }

    CortexMRegion region(int n) {
        return regions[n];
    }

    void setRegion(int n, CortexMRegion region) {
        regions[n] = region;
        dirty = true;
    }

    void markClean() {
        dirty = false;
    }

    void markDirty() {
        dirty = true;
    }

    int regionCount() {
        return regions.length;
    }

    OptionalInt unusedRegionNumber() {
        for (int n = APP_MEMORY_REGION_MAX_NUM + 1; n < regions.length; n++) {
            if (regions[n].location().isEmpty()) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        StringBuilder f = new StringBuilder("\r\n Cortex-M MPU");
        for (int i = 0; i < regions.length; i++) {
            CortexMRegion region = regions[i];
            if (region.location().isEmpty()) {
                f.append("\r\n  Region ").append(i).append(": Unused");
                continue;
            }
            Region location = region.location().get();
            long start = Integer.toUnsignedLong(location.startAddress());
            long length = Integer.toUnsignedLong(location.size());
            int accessBits = region.accessPermissions();
            f.append(String.format("\r\n  Region %d: [0x%08X:0x%08X], length: %d bytes; %s (0x%x)", i, start,
                    start + length, length, CortexMRegion.accessName(accessBits), accessBits));
            int subregionBits = region.subregionDisableMask();
            long subregionSize = length / 8;
            for (int j = 0; j < 8; j++) {
                f.append(String.format("\r\n    Sub-region %d: [0x%08X:0x%08X], %s", j, start + j * subregionSize,
                        start + (j + 1) * subregionSize, ((subregionBits >> j) & 1) == 0 ? "Enabled" : "Disabled"));
            }
        }
        return f.append("\r\n").toString();
    }
}
