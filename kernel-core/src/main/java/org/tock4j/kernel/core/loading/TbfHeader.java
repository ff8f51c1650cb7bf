package org.tock4j.kernel.core.loading;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.kernel.process.CommandPermissions;

/**
 * A parsed Tock Binary Format (version 2) header: the base header and the TLVs tock4j understands.
 *
 * <pre>
 *   base (16 B): version u16 = 2 │ header_size u16 │ total_size u32 │ flags u32 (bit 0 enabled, bit 1 sticky)
 *                │ checksum u32 (XOR of every other header word)
 *   TLVs: type u16 │ length u16 │ value (padded to 4 bytes)
 *     1 Main (init_fn_offset, protected_trailer_size, minimum_ram_size)      9 Program (Main + binary_end, version)
 *     2 WriteableFlashRegions ((offset, size)*)    3 PackageName    5 FixedAddresses (ram, flash)
 *     6 Permissions (count u16, (driver u32, offset u32, allowed u64)*)   8 KernelVersion (major u16, minor u16)
 *     10 ShortId (u32)
 * </pre>
 *
 * <p>Tock counterpart: {@code tock_tbf::types::TbfHeader}.
 */
public record TbfHeader(
        int version,
        int headerSize,
        int totalSize,
        int flags,
        boolean padding,
        Optional<Main> main,
        Optional<Program> program,
        String packageName,
        List<WriteableFlashRegion> writeableFlashRegions,
        Optional<FixedAddresses> fixedAddresses,
        Optional<List<DriverPermission>> permissions,
        Optional<KernelVersion> kernelVersion,
        OptionalInt shortId) {

    public static final int FLAG_ENABLED = 0x1;
    public static final int FLAG_STICKY = 0x2;

    /** TLV type numbers. */
    public static final int TLV_MAIN = 1;
    public static final int TLV_WRITEABLE_FLASH_REGIONS = 2;
    public static final int TLV_PACKAGE_NAME = 3;
    public static final int TLV_FIXED_ADDRESSES = 5;
    public static final int TLV_PERMISSIONS = 6;
    public static final int TLV_STORAGE_PERMISSIONS = 7;
    public static final int TLV_KERNEL_VERSION = 8;
    public static final int TLV_PROGRAM = 9;
    public static final int TLV_SHORT_ID = 10;

    public record Main(int initFnOffset, int protectedTrailerSize, int minimumRamSize) {}

    public record Program(int initFnOffset, int protectedTrailerSize, int minimumRamSize, int binaryEndOffset,
            int version) {}

    public record WriteableFlashRegion(int offset, int size) {}

    public record FixedAddresses(int startProcessRam, int startProcessFlash) {}

    public record DriverPermission(int driverNumber, int offset, long allowedCommands) {}

    public record KernelVersion(int major, int minor) {}

    /** Whether this header describes an app (rather than padding). */
    public boolean isApp() {
        return !padding;
    }

    public boolean enabled() {
        return !padding && (flags & FLAG_ENABLED) != 0;
    }

    public boolean sticky() {
        return !padding && (flags & FLAG_STICKY) != 0;
    }

    public int minimumAppRamSize() {
        return program.map(Program::minimumRamSize).orElse(main.map(Main::minimumRamSize).orElse(0));
    }

    /** Header plus protected trailer: the part of flash the app does not own. */
    public int protectedSize() {
        if (program.isPresent()) {
            return headerSize + program.get().protectedTrailerSize();
        }
        return main.map(m -> headerSize + m.protectedTrailerSize()).orElse(0);
    }

    public int appStartOffset() {
        return protectedSize();
    }

    public int initFunctionOffset() {
        if (program.isPresent()) {
            return program.get().initFnOffset() + headerSize;
        }
        return main.map(m -> m.initFnOffset() + headerSize).orElse(0);
    }

    public int binaryEnd() {
        return program.map(Program::binaryEndOffset).orElse(totalSize);
    }

    public int binaryVersion() {
        return program.map(Program::version).orElse(0);
    }

    public Optional<Integer> fixedAddressRam() {
        return fixedAddresses.map(FixedAddresses::startProcessRam).filter(a -> a != 0xFFFF_FFFF);
    }

    public Optional<Integer> fixedAddressFlash() {
        return fixedAddresses.map(FixedAddresses::startProcessFlash).filter(a -> a != 0xFFFF_FFFF);
    }

    /** What the Permissions TLV says about commands {@code 64 * offset ..} of {@code driverNum}. */
    public CommandPermissions commandPermissions(int driverNum, int offset) {
        if (permissions.isEmpty()) {
            return CommandPermissions.NO_PERMS_AT_ALL;
        }
        boolean foundDriver = false;
        for (DriverPermission p : permissions.get()) {
            if (p.driverNumber() == driverNum) {
                foundDriver = true;
                if (p.offset() == offset) {
                    return new CommandPermissions.Mask(p.allowedCommands());
                }
            }
        }
        // Permissions are off by default: a driver listed without this offset gets an empty mask.
        return foundDriver ? new CommandPermissions.Mask(0) : CommandPermissions.NO_PERMS_THIS_DRIVER;
    }
}
