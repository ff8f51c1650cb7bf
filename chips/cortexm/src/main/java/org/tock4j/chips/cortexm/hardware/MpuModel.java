package org.tock4j.chips.cortexm.hardware;

import java.util.Arrays;

import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.kernel.platform.mpu.Access;

/**
 * The ARMv7-M Protected Memory System Architecture MPU (B3.5): MPU_TYPE, MPU_CTRL, MPU_RNR, MPU_RBAR,
 * MPU_RASR and the RBAR/RASR aliases, and the hardware check of unprivileged accesses.
 *
 * <p>The check, per byte: the highest-numbered enabled region containing the address, whose subregion (for
 * regions of 256 bytes or more) is not disabled by SRD, decides; its AP field must grant the unprivileged
 * access and, for execution, XN must be clear. No region means a fault (the background region applies to
 * privileged code only). While MPU_CTRL.ENABLE is clear every access passes.
 */
public final class MpuModel {
    public static final int BASE = 0xE000_ED90;
    public static final int MPU_TYPE = 0x00;
    public static final int MPU_CTRL = 0x04;
    public static final int MPU_RNR = 0x08;
    public static final int MPU_RBAR = 0x0C;
    public static final int MPU_RASR = 0x10;

    public static final int CTRL_ENABLE = 1;
    public static final int RBAR_VALID = 1 << 4;
    public static final int RBAR_REGION_MASK = 0xF;
    public static final int RBAR_ADDR_MASK = 0xFFFF_FFE0;
    public static final int RASR_ENABLE = 1;
    public static final int RASR_SIZE_SHIFT = 1;
    public static final int RASR_SIZE_MASK = 0x1F << RASR_SIZE_SHIFT;
    public static final int RASR_SRD_SHIFT = 8;
    public static final int RASR_SRD_MASK = 0xFF << RASR_SRD_SHIFT;
    public static final int RASR_AP_SHIFT = 24;
    public static final int RASR_AP_MASK = 0x7 << RASR_AP_SHIFT;
    public static final int RASR_XN = 1 << 28;
    /** XN, AP, TEX, S, C, B, SRD, SIZE, ENABLE. */
    private static final int RASR_WRITABLE = 0x173F_FF3F;

    private final int regionCount;
    private final int[] rbar;
    private final int[] rasr;
    private final RegisterBank bank;
    private int ctrl;
    private int rnr;

    public MpuModel(int regionCount) {
        if (regionCount < 1 || regionCount > 16) {
            throw new IllegalArgumentException("an ARMv7-M MPU has 1..16 regions: " + regionCount);
        }
        this.regionCount = regionCount;
        this.rbar = new int[regionCount];
        this.rasr = new int[regionCount];
        bank = new RegisterBank("MPU", BASE, 0, 0x2C);
        bank.constant("MPU_TYPE", MPU_TYPE, regionCount << 8);
        bank.custom("MPU_CTRL", MPU_CTRL, 0, () -> ctrl, v -> ctrl = v & 0x7);
        bank.custom("MPU_RNR", MPU_RNR, 0, () -> rnr, this::writeRnr);
        for (int alias = 0; alias < 4; alias++) {
            String suffix = alias == 0 ? "" : "_A" + alias;
            bank.custom("MPU_RBAR" + suffix, MPU_RBAR + 8 * alias, 0, this::readRbar, this::writeRbar);
            bank.custom("MPU_RASR" + suffix, MPU_RASR + 8 * alias, 0, () -> rasr[rnr], v -> rasr[rnr] = v & RASR_WRITABLE);
        }
    }

    public void mapOnto(MemoryBus bus) {
        bus.mapDevice(bank);
    }

    public int regionCount() {
        return regionCount;
    }

    public boolean isEnabled() {
        return (ctrl & CTRL_ENABLE) != 0;
    }

    /** The RBAR address bits of region {@code n}. */
    public int rbar(int n) {
        return rbar[n];
    }

    public int rasr(int n) {
        return rasr[n];
    }

    private void writeRnr(int value) {
        if (Integer.compareUnsigned(value & 0xFF, regionCount) >= 0) {
            bank.warn("MPU_RNR selects region " + (value & 0xFF) + " of " + regionCount + "; ignored");
            return;
        }
        rnr = value & 0xFF;
    }

    private int readRbar() {
        return (rbar[rnr] & RBAR_ADDR_MASK) | (rnr & RBAR_REGION_MASK);
    }

    private void writeRbar(int value) {
        if ((value & RBAR_VALID) != 0) {
            int region = value & RBAR_REGION_MASK;
            if (region >= regionCount) {
                bank.warn("MPU_RBAR.REGION " + region + " does not exist; write ignored");
                return;
            }
            rnr = region;
        }
        rbar[rnr] = value & RBAR_ADDR_MASK;
    }

    /** Whether an unprivileged access of {@code length} bytes at {@code address} is allowed. */
    public boolean checkAccess(int address, int length, Access access) {
        if (!isEnabled()) {
            return true;
        }
        if (length < 0) {
            return false;
        }
        long at = Integer.toUnsignedLong(address);
        long end = at + length;
        if (end > 0x1_0000_0000L) {
            return false;
        }
        while (at < end) {
            int region = matchingRegion(at);
            if (region < 0 || !permits(rasr[region], access)) {
                return false;
            }
            at = nextBoundary(at);
        }
        return true;
    }

    /** The highest-numbered enabled region whose enabled part holds {@code address}, or -1. */
    private int matchingRegion(long address) {
        for (int n = regionCount - 1; n >= 0; n--) {
            int attributes = rasr[n];
            if ((attributes & RASR_ENABLE) == 0) {
                continue;
            }
            int sizeField = (attributes & RASR_SIZE_MASK) >>> RASR_SIZE_SHIFT;
            if (sizeField < 4) {
                bank.warn("region " + n + " has SIZE " + sizeField + " (below 32 bytes): it matches nothing");
                continue;
            }
            long size = 1L << (sizeField + 1);
            long base = Integer.toUnsignedLong(rbar[n]) & ~(size - 1);
            if (address < base || address >= base + size) {
                continue;
            }
            if (size >= 256) {
                int subregion = (int) ((address - base) / (size / 8));
                int srd = (attributes & RASR_SRD_MASK) >>> RASR_SRD_SHIFT;
                if ((srd & (1 << subregion)) != 0) {
                    continue;
                }
            }
            return n;
        }
        return -1;
    }

    /** The first address above {@code address} where the region or subregion that matches may change. */
    private long nextBoundary(long address) {
        long next = 0x1_0000_0000L;
        for (int n = 0; n < regionCount; n++) {
            int attributes = rasr[n];
            int sizeField = (attributes & RASR_SIZE_MASK) >>> RASR_SIZE_SHIFT;
            if ((attributes & RASR_ENABLE) == 0 || sizeField < 4) {
                continue;
            }
            long size = 1L << (sizeField + 1);
            long base = Integer.toUnsignedLong(rbar[n]) & ~(size - 1);
            long step = size >= 256 ? size / 8 : size;
            long candidate;
            if (address < base) {
                candidate = base;
            } else if (address < base + size) {
                candidate = base + ((address - base) / step + 1) * step;
            } else {
                continue;
            }
            next = Math.min(next, candidate);
        }
        return next;
    }

    private static boolean permits(int attributes, Access access) {
        int ap = (attributes & RASR_AP_MASK) >>> RASR_AP_SHIFT;
        boolean read = ap == 0b010 || ap == 0b011 || ap == 0b110 || ap == 0b111;
        boolean write = ap == 0b011;
        return switch (access) {
            case READ -> read;
            case WRITE -> write;
            case EXECUTE -> read && (attributes & RASR_XN) == 0;
        };
    }

    public void reset() {
        ctrl = 0;
        rnr = 0;
        Arrays.fill(rbar, 0);
        Arrays.fill(rasr, 0);
    }
}
