package org.tock4j.kernel.core.loading;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.kernel.Result;

/**
 * Parses TBF headers from flash bytes, validating them as Tock does.
 *
 * <pre>{@code
 * var lengths = TbfParser.parseTbfHeaderLengths(first8Bytes);   // (version, headerSize, totalSize)
 * var header = TbfParser.parseTbfHeader(headerBytes, version);
 * }</pre>
 *
 * <p>Tock counterpart: {@code tock_tbf::parse}.
 */
public final class TbfParser {
    /** The most writeable flash regions and driver permissions a header may carry, as Tock's kernel. */
    public static final int MAX_WRITEABLE_FLASH_REGIONS = 8;
    public static final int MAX_PERMISSIONS = 16;

    private TbfParser() {}

    /** Version and sizes from the first 8 bytes. */
    public record Lengths(int version, int headerSize, int totalSize) {}

    /** Tock's {@code parse_tbf_header_lengths}. */
    public static Result<Lengths, TbfParseError> parseTbfHeaderLengths(byte[] first8) {
        ByteBuffer b = ByteBuffer.wrap(first8).order(ByteOrder.LITTLE_ENDIAN);
        int version = Short.toUnsignedInt(b.getShort(0));
        if (version != 2) {
            return Result.err(new TbfParseError.UnsupportedVersion(version));
        }
        int headerSize = Short.toUnsignedInt(b.getShort(2));
        int totalSize = b.getInt(4);
        if (Integer.compareUnsigned(headerSize, totalSize) > 0 || headerSize < 16) {
            return Result.err(new TbfParseError.InvalidHeader(totalSize));
        }
        return Result.ok(new Lengths(version, headerSize, totalSize));
    }

    /** Tock's {@code parse_tbf_header}: {@code header} holds exactly {@code header_size} bytes. */
    public static Result<TbfHeader, TbfParseError> parseTbfHeader(byte[] header, int version) {
        if (version != 2) {
            return Result.err(new TbfParseError.UnsupportedVersion(version));
        }
        if (header.length < 16) {
            return Result.err(new TbfParseError.NotEnoughFlash());
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int headerSize = Short.toUnsignedInt(b.getShort(2));
        int totalSize = b.getInt(4);
        int flags = b.getInt(8);
        int checksum = b.getInt(12);

        int computed = 0;
        for (int i = 0; i + 4 <= header.length; i += 4) {
            if (i != 12) {
                computed ^= b.getInt(i);
            }
        }
        if (computed != checksum) {
            return Result.err(new TbfParseError.ChecksumMismatch(checksum, computed));
        }

        if (header.length == 16) {
            return Result.ok(new TbfHeader(version, headerSize, totalSize, flags, true, Optional.empty(),
                    Optional.empty(), "", List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalInt.empty()));
        }

        Optional<TbfHeader.Main> main = Optional.empty();
        Optional<TbfHeader.Program> program = Optional.empty();
        String name = "";
        List<TbfHeader.WriteableFlashRegion> regions = new ArrayList<>();
        Optional<TbfHeader.FixedAddresses> fixed = Optional.empty();
        Optional<List<TbfHeader.DriverPermission>> permissions = Optional.empty();
        Optional<TbfHeader.KernelVersion> kernelVersion = Optional.empty();
        OptionalInt shortId = OptionalInt.empty();

        int pos = 16;
        while (pos < header.length) {
            if (pos + 4 > header.length) {
                return Result.err(new TbfParseError.NotEnoughFlash());
            }
            int type = Short.toUnsignedInt(b.getShort(pos));
            int length = Short.toUnsignedInt(b.getShort(pos + 2));
            pos += 4;
            if (pos + length > header.length) {
                return Result.err(new TbfParseError.NotEnoughFlash());
            }
            switch (type) {
                case TbfHeader.TLV_MAIN -> {
                    // Only the first Main TLV counts; later ones are skipped unchecked, as in Tock.
                    if (main.isEmpty()) {
                        if (length != 12) {
                            return Result.err(new TbfParseError.BadTlvEntry(type));
                        }
                        main = Optional.of(new TbfHeader.Main(b.getInt(pos), b.getInt(pos + 4), b.getInt(pos + 8)));
                    }
                }
                case TbfHeader.TLV_PROGRAM -> {
                    if (program.isEmpty()) {
                        if (length != 20) {
                            return Result.err(new TbfParseError.BadTlvEntry(type));
                        }
                        program = Optional.of(new TbfHeader.Program(b.getInt(pos), b.getInt(pos + 4),
                                b.getInt(pos + 8), b.getInt(pos + 12), b.getInt(pos + 16)));
                    }
                }
                case TbfHeader.TLV_WRITEABLE_FLASH_REGIONS -> {
                    if (length % 8 != 0) {
                        return Result.err(new TbfParseError.BadTlvEntry(type));
                    }
                    if (length / 8 > MAX_WRITEABLE_FLASH_REGIONS) {
                        return Result.err(new TbfParseError.TooManyEntries(type));
                    }
                    // A later WriteableFlashRegions TLV replaces an earlier one, as in Tock.
                    regions.clear();
                    for (int i = 0; i < length; i += 8) {
                        regions.add(new TbfHeader.WriteableFlashRegion(b.getInt(pos + i), b.getInt(pos + i + 4)));
                    }
                }
                case TbfHeader.TLV_PACKAGE_NAME -> {
                    try {
                        name = StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(header, pos, length))
                                .toString();
                    } catch (CharacterCodingException e) {
                        return Result.err(new TbfParseError.BadProcessName());
                    }
                }
                case TbfHeader.TLV_FIXED_ADDRESSES -> {
                    if (length != 8) {
                        return Result.err(new TbfParseError.BadTlvEntry(type));
                    }
                    fixed = Optional.of(new TbfHeader.FixedAddresses(b.getInt(pos), b.getInt(pos + 4)));
                }
                case TbfHeader.TLV_PERMISSIONS -> {
                    if (length < 2) {
                        return Result.err(new TbfParseError.BadTlvEntry(type));
                    }
                    int count = Short.toUnsignedInt(b.getShort(pos));
                    if (count > MAX_PERMISSIONS) {
                        return Result.err(new TbfParseError.TooManyEntries(type));
                    }
                    if (2 + count * 16 > length) {
                        return Result.err(new TbfParseError.BadTlvEntry(type));
                    }
                    List<TbfHeader.DriverPermission> perms = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        int at = pos + 2 + i * 16;
                        perms.add(new TbfHeader.DriverPermission(b.getInt(at), b.getInt(at + 4), b.getLong(at + 8)));
                    }
                    permissions = Optional.of(List.copyOf(perms));
                }
                case TbfHeader.TLV_KERNEL_VERSION -> {
                    if (length != 4) {
                        return Result.err(new TbfParseError.BadTlvEntry(type));
                    }
                    kernelVersion = Optional.of(new TbfHeader.KernelVersion(Short.toUnsignedInt(b.getShort(pos)),
                            Short.toUnsignedInt(b.getShort(pos + 2))));
                }
                case TbfHeader.TLV_SHORT_ID -> {
                    if (length != 4) {
                        return Result.err(new TbfParseError.BadTlvEntry(type));
                    }
                    int id = b.getInt(pos);
                    shortId = id == 0 ? OptionalInt.empty() : OptionalInt.of(id);
                }
                default -> {
                    // A TLV we do not understand is skipped: its length says how far.
                }
            }
            // The value is padded to a 4-byte boundary, and the padding must lie inside the header too.
            int paddedLength = (length + 3) & ~3;
            if (pos + paddedLength > header.length) {
                return Result.err(new TbfParseError.NotEnoughFlash());
            }
            pos += paddedLength;
        }
        return Result.ok(new TbfHeader(version, headerSize, totalSize, flags, false, main, program, name,
                List.copyOf(regions), fixed, permissions, kernelVersion, shortId));
    }
}
