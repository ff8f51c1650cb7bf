package org.tock4j.kernel.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-made TBF headers for parser and loader tests: any TLVs, any flags, a correct checksum unless told
 * otherwise — including shapes {@code TbfImageBuilder} never writes (padding, Program TLVs, broken lengths).
 */
public final class RawTbf {
    private int version = 2;
    private int flags = 1;
    private int totalSize = 1024;
    private Integer checksumOverride;
    private boolean padTlvs = true;
    private final List<byte[]> tlvs = new ArrayList<>();

    public RawTbf version(int version) {
        this.version = version;
        return this;
    }

    public RawTbf flags(int flags) {
        this.flags = flags;
        return this;
    }

    public RawTbf totalSize(int totalSize) {
        this.totalSize = totalSize;
        return this;
    }

    public RawTbf checksum(int checksum) {
        this.checksumOverride = checksum;
        return this;
    }

    /** Leaves the last TLV's value unpadded (the header then ends inside its padding). */
    public RawTbf unpaddedLastTlv() {
        this.padTlvs = false;
        return this;
    }

    /** A TLV with {@code length} in its header, whatever the value's actual size. */
    public RawTbf tlv(int type, int length, byte[] value) {
        ByteBuffer b = le(4 + value.length).putShort((short) type).putShort((short) length).put(value);
        tlvs.add(b.array());
        return this;
    }

    public RawTbf tlv(int type, byte[] value) {
        return tlv(type, value.length, value);
    }

    public RawTbf main(int initFnOffset, int protectedTrailerSize, int minimumRamSize) {
        return tlv(1, le(12).putInt(initFnOffset).putInt(protectedTrailerSize).putInt(minimumRamSize).array());
    }

    public RawTbf program(int initFnOffset, int protectedTrailerSize, int minimumRamSize, int binaryEnd,
            int appVersion) {
        return tlv(9, le(20).putInt(initFnOffset).putInt(protectedTrailerSize).putInt(minimumRamSize)
                .putInt(binaryEnd).putInt(appVersion).array());
    }

    public RawTbf packageName(String name) {
        return tlv(3, name.getBytes(StandardCharsets.UTF_8));
    }

    public RawTbf kernelVersion(int major, int minor) {
        return tlv(8, le(4).putShort((short) major).putShort((short) minor).array());
    }

    public RawTbf fixedAddresses(int ram, int flash) {
        return tlv(5, le(8).putInt(ram).putInt(flash).array());
    }

    public RawTbf writeableFlashRegions(int... offsetSizePairs) {
        ByteBuffer b = le(4 * offsetSizePairs.length);
        for (int v : offsetSizePairs) {
            b.putInt(v);
        }
        return tlv(2, b.array());
    }

    public RawTbf shortId(int id) {
        return tlv(10, le(4).putInt(id).array());
    }

    /** The header bytes: base header, TLVs (padded to 4 bytes), checksum. */
    public byte[] header() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < tlvs.size(); i++) {
            byte[] t = tlvs.get(i);
            body.writeBytes(t);
            boolean last = i == tlvs.size() - 1;
            if (padTlvs || !last) {
                body.writeBytes(new byte[((t.length + 3) & ~3) - t.length]);
            }
        }
        byte[] tlvBytes = body.toByteArray();
        int headerSize = 16 + tlvBytes.length;
        ByteBuffer h = le(headerSize);
        h.putShort((short) version).putShort((short) headerSize).putInt(totalSize).putInt(flags).putInt(0)
                .put(tlvBytes);
        int checksum = 0;
        for (int i = 0; i + 4 <= headerSize; i += 4) {
            checksum ^= h.getInt(i);
        }
        h.putInt(12, checksumOverride != null ? checksumOverride : checksum);
        return h.array();
    }

    /** The whole binary: header, then {@code 0x00} up to the total size. */
    public byte[] image() {
        byte[] header = header();
        return Arrays.copyOf(header, Math.max(totalSize, header.length));
    }

    public static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
