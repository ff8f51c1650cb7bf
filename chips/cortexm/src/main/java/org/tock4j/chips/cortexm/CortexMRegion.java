package org.tock4j.chips.cortexm;

import java.util.Optional;

import org.tock4j.chips.cortexm.hardware.MpuModel;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.platform.mpu.Region;

/**
 * One MPU region of a process's configuration: where it logically is, and the MPU_RBAR and MPU_RASR values
 * that program it.
 *
 * <p>Tock counterpart: {@code cortexm::mpu::CortexMRegion}.
 */
public final class CortexMRegion {
    private static final int AP_NO_ACCESS = 0b000;
    private static final int AP_PRIVILEGED_ONLY = 0b001;
    private static final int AP_UNPRIVILEGED_READ_ONLY = 0b010;
    private static final int AP_READ_WRITE = 0b011;

    private final Optional<Region> location;
    private final int baseAddress;
    private final int attributes;

    private CortexMRegion(Optional<Region> location, int baseAddress, int attributes) {
        this.location = location;
        this.baseAddress = baseAddress;
        this.attributes = attributes;
    }

    /**
     * A region covering {@code [logicalStart, logicalStart + logicalSize)} with an MPU region of
     * {@code regionSize} at {@code regionStart}, subregions {@code minSubregion..maxSubregion} enabled (all,
     * when {@code minSubregion} is negative); empty when the logical size is below 32 bytes or exceeds the
     * region.
     */
    static Optional<CortexMRegion> create(long logicalStart, long logicalSize, long regionStart, long regionSize,
            int regionNumber, int minSubregion, int maxSubregion, Permissions permissions) {
        if (logicalSize < CortexMMpu.CORTEXM_MIN_REGION_SIZE || regionSize < logicalSize) {
            return Optional.empty();
        }
        int access;
        boolean executeNever;
        switch (permissions) {
            case ReadWriteExecute -> {
                access = AP_READ_WRITE;
                executeNever = false;
            }
            case ReadWriteOnly -> {
                access = AP_READ_WRITE;
                executeNever = true;
            }
            case ReadExecuteOnly -> {
                access = AP_UNPRIVILEGED_READ_ONLY;
                executeNever = false;
            }
            case ReadOnly -> {
                access = AP_UNPRIVILEGED_READ_ONLY;
                executeNever = true;
            }
            case ExecuteOnly -> {
                access = AP_PRIVILEGED_ONLY;
                executeNever = false;
            }
            default -> throw new IllegalArgumentException("unknown permissions " + permissions);
        }
        int base = ((int) regionStart & MpuModel.RBAR_ADDR_MASK) | MpuModel.RBAR_VALID
                | (regionNumber & MpuModel.RBAR_REGION_MASK);
        int sizeValue = (63 - Long.numberOfLeadingZeros(regionSize)) - 1;
        int attrs = MpuModel.RASR_ENABLE
                | (sizeValue << MpuModel.RASR_SIZE_SHIFT) & MpuModel.RASR_SIZE_MASK
                | access << MpuModel.RASR_AP_SHIFT
                | (executeNever ? MpuModel.RASR_XN : 0);
        if (minSubregion >= 0) {
            int mask = 0xFF;
            for (int i = minSubregion; i <= maxSubregion && i < 8; i++) {
                mask ^= 1 << i;
            }
            attrs |= mask << MpuModel.RASR_SRD_SHIFT;
        }
        return Optional.of(new CortexMRegion(Optional.of(new Region((int) logicalStart, (int) logicalSize)), base,
                attrs));
    }

    /** An unused region: base register selecting region {@code regionNumber}, attributes disabled. */
    static CortexMRegion empty(int regionNumber) {
        return new CortexMRegion(Optional.empty(), MpuModel.RBAR_VALID | (regionNumber & MpuModel.RBAR_REGION_MASK), 0);
    }

    /** The logical region this MPU region protects; empty for an unused region. */
    public Optional<Region> location() {
        return location;
    }

    /** The value written to MPU_RBAR (with VALID and REGION set). */
    public int baseAddress() {
        return baseAddress;
    }

    /** The value written to MPU_RASR. */
    public int attributes() {
        return attributes;
    }

    public boolean isEnabled() {
        return (attributes & MpuModel.RASR_ENABLE) != 0;
    }

    /** The AP field. */
    public int accessPermissions() {
        return (attributes & MpuModel.RASR_AP_MASK) >>> MpuModel.RASR_AP_SHIFT;
    }

    /** The SRD field: a set bit disables that eighth of the region. */
    public int subregionDisableMask() {
        return (attributes & MpuModel.RASR_SRD_MASK) >>> MpuModel.RASR_SRD_SHIFT;
    }

    /** Whether this region's location equals {@code region} (Tock's {@code PartialEq<mpu::Region>}). */
    public boolean matches(Region region) {
        return location.isPresent() && location.get().equals(region);
    }

    boolean overlaps(long otherStart, long otherSize) {
        if (location.isEmpty()) {
            return false;
        }
        long start = Integer.toUnsignedLong(location.get().startAddress());
        long end = start + Integer.toUnsignedLong(location.get().size());
        return start < otherStart + otherSize && otherStart < end;
    }

    static String accessName(int accessBits) {
        return switch (accessBits) {
            case AP_NO_ACCESS -> "NoAccess";
            case AP_PRIVILEGED_ONLY -> "PrivilegedOnly";
            case AP_UNPRIVILEGED_READ_ONLY -> "UnprivilegedReadOnly";
            case AP_READ_WRITE -> "ReadWrite";
            case 0b100 -> "Reserved";
            case 0b101 -> "PrivilegedOnlyReadOnly";
            case 0b110 -> "ReadOnly";
            case 0b111 -> "ReadOnlyAlias";
            default -> "ERR";
        };
    }

    @Override
    public String toString() {
        return location.map(r -> String.format("CortexMRegion[0x%08X+%d, RBAR 0x%08X, RASR 0x%08X]",
                r.startAddress(), Integer.toUnsignedLong(r.size()), baseAddress, attributes))
                .orElse(String.format("CortexMRegion[unused, RBAR 0x%08X]", baseAddress));
    }
}
