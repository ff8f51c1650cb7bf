package org.tock4j.kernel.core.loading;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a TBF image: what {@code elf2tab} and {@code tockloader} make of an app, synthesised here for JVM apps
 * whose code area holds no instructions (only the addresses of their upcalls point into it).
 *
 * <pre>{@code
 * byte[] image = new TbfImageBuilder("hello")
 *         .minimumRamSize(4096)
 *         .codeSize(16 * 1024)
 *         .build();                    // power-of-two total size, as the Cortex-M MPU needs
 * }</pre>
 */
public final class TbfImageBuilder {
    private final String packageName;
    private int minimumRamSize = 4096;
    private int codeSize = 16 * 1024;
    private int flags = TbfHeader.FLAG_ENABLED;
    private int kernelMajor = 2;
    private int kernelMinor = 0;
    private final List<TbfHeader.WriteableFlashRegion> writeableFlashRegions = new ArrayList<>();
    private final List<TbfHeader.DriverPermission> permissions = new ArrayList<>();
    private boolean withPermissions;
    private Integer fixedRam;
    private Integer fixedFlash;

    public TbfImageBuilder(String packageName) {
        this.packageName = packageName;
    }

    public TbfImageBuilder minimumRamSize(int bytes) {
        this.minimumRamSize = bytes;
        return this;
    }

    /** Bytes of code area after the header (where upcall addresses point). */
    public TbfImageBuilder codeSize(int bytes) {
        this.codeSize = bytes;
        return this;
    }

    public TbfImageBuilder enabled(boolean enabled) {
        flags = enabled ? flags | TbfHeader.FLAG_ENABLED : flags & ~TbfHeader.FLAG_ENABLED;
        return this;
    }

    public TbfImageBuilder kernelVersion(int major, int minor) {
        this.kernelMajor = major;
        this.kernelMinor = minor;
        return this;
    }

    public TbfImageBuilder writeableFlashRegion(int offset, int size) {
        writeableFlashRegions.add(new TbfHeader.WriteableFlashRegion(offset, size));
        return this;
    }

    public TbfImageBuilder permission(int driverNumber, int offset, long allowedCommands) {
        withPermissions = true;
        permissions.add(new TbfHeader.DriverPermission(driverNumber, offset, allowedCommands));
        return this;
    }

    public TbfImageBuilder fixedAddresses(int ram, int flash) {
        this.fixedRam = ram;
        this.fixedFlash = flash;
        return this;
    }

    /** The header bytes, checksum included. */
    public byte[] header(int totalSize) {
        ByteArrayOutputStream tlvs = new ByteArrayOutputStream();
        ByteBuffer main = le(12).putInt(0).putInt(0).putInt(minimumRamSize);
        tlv(tlvs, TbfHeader.TLV_MAIN, main.array());
        tlv(tlvs, TbfHeader.TLV_PACKAGE_NAME, packageName.getBytes(StandardCharsets.UTF_8));
        tlv(tlvs, TbfHeader.TLV_KERNEL_VERSION, le(4).putShort((short) kernelMajor).putShort((short) kernelMinor)
                .array());
        if (!writeableFlashRegions.isEmpty()) {
            ByteBuffer w = le(8 * writeableFlashRegions.size());
            writeableFlashRegions.forEach(r -> w.putInt(r.offset()).putInt(r.size()));
            tlv(tlvs, TbfHeader.TLV_WRITEABLE_FLASH_REGIONS, w.array());
        }
        if (fixedRam != null) {
            tlv(tlvs, TbfHeader.TLV_FIXED_ADDRESSES, le(8).putInt(fixedRam).putInt(fixedFlash).array());
        }
        if (withPermissions) {
            ByteBuffer p = le(2 + 16 * permissions.size()).putShort((short) permissions.size());
            permissions.forEach(d -> p.putInt(d.driverNumber()).putInt(d.offset()).putLong(d.allowedCommands()));
            tlv(tlvs, TbfHeader.TLV_PERMISSIONS, p.array());
        }
        byte[] body = tlvs.toByteArray();
        int headerSize = 16 + body.length;
        ByteBuffer h = le(headerSize);
        h.putShort((short) 2).putShort((short) headerSize).putInt(totalSize).putInt(flags).putInt(0).put(body);
        int checksum = 0;
        for (int i = 0; i < headerSize; i += 4) {
            checksum ^= h.getInt(i);
        }
        h.putInt(12, checksum);
        return h.array();
    }

    /** The whole image: header, code area, padding to a power of two (at least 1 KiB). */
    public byte[] build() {
        int headerSize = header(0).length;
        int total = Integer.highestOneBit(Math.max(1024, headerSize + codeSize) - 1) << 1;
        byte[] image = new byte[total];
        java.util.Arrays.fill(image, (byte) 0xFF);
        byte[] header = header(total);
        System.arraycopy(header, 0, image, 0, header.length);
        return image;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void tlv(ByteArrayOutputStream out, int type, byte[] value) {
        ByteBuffer t = le(4).putShort((short) type).putShort((short) value.length);
        out.writeBytes(t.array());
        out.writeBytes(value);
        int pad = ((value.length + 3) & ~3) - value.length;
        out.writeBytes(new byte[pad]);
    }
}
