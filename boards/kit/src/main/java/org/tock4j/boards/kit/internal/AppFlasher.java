package org.tock4j.boards.kit.internal;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.boards.kit.AddressRange;
import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.BootException;
import org.tock4j.kernel.core.loading.TbfImageBuilder;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Writes apps into a board's app flash as TBF images, as {@code tockloader install} does: one after another,
 * each padded to a power of two and aligned to its size so the MPU can cover it.
 */
public final class AppFlasher {
    /** Bytes of code area each JVM app gets (where its upcall addresses point). */
    public static final int CODE_AREA = 16 * 1024;
    /** What erased flash reads as. */
    private static final byte ERASED = (byte) 0xFF;

    /** An app placed in flash. */
    public record Flashed(AppSource app, int start, int length) {}

    private AppFlasher() {}

    public static List<Flashed> flash(PhysicalMemory memory, AddressRange appFlash, List<AppSource> apps) {
        List<Flashed> placed = new ArrayList<>();
        long next = Integer.toUnsignedLong(appFlash.start());
        long end = Integer.toUnsignedLong(appFlash.start()) + appFlash.length();
        for (AppSource app : apps) {
            byte[] image = new TbfImageBuilder(app.name()).minimumRamSize(app.minimumRamBytes()).codeSize(CODE_AREA)
                    .build();
            long start = (next + image.length - 1) / image.length * image.length;
            if (start + image.length > end) {
                throw new BootException("app flash " + appFlash + " has no room for app '" + app.name() + "' ("
                        + image.length + " bytes) after " + placed.size() + " app(s)");
            }
            // Padding between apps stays erased; the loader stops at the first erased word, so there is none
            // before the first app and apps are laid out back to back when sizes allow.
            if (start != next) {
                writePadding(memory, (int) next, (int) (start - next));
            }
            writeImage(memory, (int) start, image);
            placed.add(new Flashed(app, (int) start, image.length));
            next = start + image.length;
        }
        return placed;
    }

    /**
     * Writes {@code image} at {@code at}. A JVM app's code area is erased flash (0xFF) to its end, so the image
     * is written up to its last programmed byte and the rest is filled with the erased value, which leaves
     * untouched flash pages unallocated: a board's apps cost the emulator a few pages, not their whole size.
     */
    private static void writeImage(PhysicalMemory memory, int at, byte[] image) {
        int programmed = image.length;
        while (programmed > 0 && image[programmed - 1] == ERASED) {
            programmed--;
        }
        memory.write(at, image, 0, programmed);
        if (programmed < image.length) {
            memory.fill(at + programmed, image.length - programmed, ERASED);
        }
    }

    /** A TBF padding header (no TLVs) spanning {@code length} bytes. */
    private static void writePadding(PhysicalMemory memory, int at, int length) {
        int version = 2;
        int headerSize = 16;
        int flags = 0;
        int word0 = version | (headerSize << 16);
        int checksum = word0 ^ length ^ flags;
        memory.write32(at, word0);
        memory.write32(at + 4, length);
        memory.write32(at + 8, flags);
        memory.write32(at + 12, checksum);
    }
}
