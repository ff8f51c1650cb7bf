package org.tock4j.kernel.core.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.testing.RawTbf;
import org.tock4j.kernel.process.CommandPermissions;

/** TBF header parsing as {@code tock_tbf::parse} does it. */
class TbfParserTests {

    private static Result<TbfHeader, TbfParseError> parse(byte[] header) {
        return TbfParser.parseTbfHeader(header, 2);
    }

    private static byte[] headerOf(byte[] image) {
        int headerSize = RawTbf.le(4).put(image, 0, 4).getShort(2) & 0xFFFF;
        return Arrays.copyOf(image, headerSize);
    }

    @Test
    void anImageFromTheBuilderParsesBackToWhatWasAsked() {
        byte[] image = new TbfImageBuilder("blink").minimumRamSize(6000).codeSize(3000).kernelVersion(2, 1)
                .writeableFlashRegion(0x800, 0x100).permission(0x2, 0, 0b1011).fixedAddresses(0x2000_8000, 0x4_0040)
                .build();

        TbfParser.Lengths lengths = TbfParser.parseTbfHeaderLengths(Arrays.copyOf(image, 8)).unwrap();
        TbfHeader h = parse(headerOf(image)).unwrap();

        assertThat(image).hasSize(4096);
        assertThat(lengths).isEqualTo(new TbfParser.Lengths(2, h.headerSize(), 4096));
        assertThat(h.isApp()).isTrue();
        assertThat(h.enabled()).isTrue();
        assertThat(h.sticky()).isFalse();
        assertThat(h.packageName()).isEqualTo("blink");
        assertThat(h.minimumAppRamSize()).isEqualTo(6000);
        assertThat(h.kernelVersion()).contains(new TbfHeader.KernelVersion(2, 1));
        assertThat(h.writeableFlashRegions()).containsExactly(new TbfHeader.WriteableFlashRegion(0x800, 0x100));
        assertThat(h.fixedAddressRam()).contains(0x2000_8000);
        assertThat(h.fixedAddressFlash()).contains(0x4_0040);
        assertThat(h.protectedSize()).isEqualTo(h.headerSize());
        assertThat(h.initFunctionOffset()).isEqualTo(h.headerSize());
        assertThat(h.appStartOffset()).isEqualTo(h.headerSize());
        assertThat(h.binaryEnd()).isEqualTo(4096);
        assertThat(h.commandPermissions(0x2, 0)).isEqualTo(new CommandPermissions.Mask(0b1011));
    }

    @Test
    void theHeaderLengthsComeFromTheFirstEightBytes() {
        byte[] header = new RawTbf().totalSize(0x2000).main(0, 0, 0).header();

        assertThat(TbfParser.parseTbfHeaderLengths(Arrays.copyOf(header, 8)).unwrap())
                .isEqualTo(new TbfParser.Lengths(2, 32, 0x2000));
    }

    @Test
    void aBadChecksumIsRejected() {
        byte[] header = new RawTbf().main(0, 0, 0).packageName("abcd").header();
        int good = RawTbf.le(16).put(header, 0, 16).getInt(12);
        header[header.length - 1] ^= 0x40;

        assertThat(parse(header).unwrapErr()).isInstanceOfSatisfying(TbfParseError.ChecksumMismatch.class,
                e -> {
                    assertThat(e.expected()).isEqualTo(good);
                    assertThat(e.actual()).isEqualTo(good ^ 0x4000_0000);
                });
    }

    @Test
    void aVersionOtherThanTwoIsUnsupported() {
        byte[] header = new RawTbf().version(3).main(0, 0, 0).header();

        assertThat(TbfParser.parseTbfHeaderLengths(Arrays.copyOf(header, 8)).unwrapErr())
                .isEqualTo(new TbfParseError.UnsupportedVersion(3));
        assertThat(TbfParser.parseTbfHeader(header, 1).unwrapErr())
                .isEqualTo(new TbfParseError.UnsupportedVersion(1));
    }

    @Test
    void erasedFlashIsNoHeader() {
        byte[] erased = new byte[8];
        Arrays.fill(erased, (byte) 0xFF);

        assertThat(TbfParser.parseTbfHeaderLengths(erased).unwrapErr())
                .isEqualTo(new TbfParseError.UnsupportedVersion(0xFFFF));
    }

    @ParameterizedTest(name = "header size {0}, total size {1}")
    @CsvSource({"64, 32", "17, 16", "15, 1024", "15, 15", "0, 1024"})
    void impossibleHeaderLengthsAreAnInvalidHeader(int headerSize, int totalSize) {
        byte[] first8 = RawTbf.le(8).putShort((short) 2).putShort((short) headerSize).putInt(totalSize).array();

        assertThat(TbfParser.parseTbfHeaderLengths(first8).unwrapErr())
                .isEqualTo(new TbfParseError.InvalidHeader(totalSize));
    }

    @ParameterizedTest(name = "header size {0}, total size {1}")
    @CsvSource({"16, 16", "16, 17", "40, 40"})
    void aHeaderOfAtLeastTheBaseSizeThatFitsInTheBinaryHasValidLengths(int headerSize, int totalSize) {
        byte[] first8 = RawTbf.le(8).putShort((short) 2).putShort((short) headerSize).putInt(totalSize).array();

        assertThat(TbfParser.parseTbfHeaderLengths(first8).unwrap())
                .isEqualTo(new TbfParser.Lengths(2, headerSize, totalSize));
    }

    @Test
    void aHeaderShorterThanTheBaseHeaderIsNotEnoughFlash() {
        assertThat(parse(new byte[12]).unwrapErr()).isEqualTo(new TbfParseError.NotEnoughFlash());
    }

    @Test
    void aTlvLongerThanTheRestOfTheHeaderIsNotEnoughFlash() {
        byte[] header = new RawTbf().tlv(3, 40, "short".getBytes()).header();

        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.NotEnoughFlash());
    }

    @Test
    void aTlvHeaderCutShortIsNotEnoughFlash() {
        byte[] header = new RawTbf().main(0, 0, 0).tlv(3, 0, new byte[0]).header();
        byte[] cut = Arrays.copyOf(header, header.length - 2);
        fixChecksum(cut);

        assertThat(parse(cut).unwrapErr()).isEqualTo(new TbfParseError.NotEnoughFlash());
    }

    @Test
    void aZeroLengthTlvThatEndsExactlyAtTheEndOfTheHeaderIsAccepted() {
        byte[] header = new RawTbf().main(0, 0, 512).tlv(0x77, new byte[0]).header();

        assertThat(header).hasSize(16 + 16 + 4);
        assertThat(parse(header).unwrap().minimumAppRamSize()).isEqualTo(512);
    }

    @Test
    void aTlvWhosePaddingRunsPastTheEndOfTheHeaderIsNotEnoughFlash() {
        byte[] header = new RawTbf().main(0, 0, 0).packageName("abcde").unpaddedLastTlv().header();

        assertThat(header.length % 4).isEqualTo(1);
        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.NotEnoughFlash());
    }

    @ParameterizedTest(name = "type {0} with length {1}")
    @CsvSource({"1, 8", "1, 16", "9, 12", "5, 4", "8, 8", "10, 2", "2, 12"})
    void aFixedSizeTlvOfTheWrongLengthIsABadTlvEntry(int type, int length) {
        byte[] header = new RawTbf().tlv(type, new byte[length]).header();

        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.BadTlvEntry(type));
    }

    @Test
    void onlyTheFirstMainTlvCountsAndLaterOnesAreIgnored() {
        byte[] header = new RawTbf().main(0, 0, 1111).main(0, 0, 2222).tlv(1, new byte[4]).header();

        assertThat(parse(header).unwrapOrElse(() -> null)).isNotNull()
                .extracting(TbfHeader::minimumAppRamSize).isEqualTo(1111);
    }

    @Test
    void aPackageNameThatIsNotUtf8IsABadProcessName() {
        byte[] header = new RawTbf().main(0, 0, 0).tlv(3, new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'})
                .header();

        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.BadProcessName());
    }

    @Test
    void unknownTlvsAreSkipped() {
        byte[] header = new RawTbf().tlv(0x77, new byte[7]).main(0, 0, 512).packageName("x").header();

        TbfHeader h = parse(header).unwrap();

        assertThat(h.minimumAppRamSize()).isEqualTo(512);
        assertThat(h.packageName()).isEqualTo("x");
    }

    @Test
    void aHeaderWithoutTlvsIsPadding() {
        TbfHeader h = parse(new RawTbf().totalSize(4096).header()).unwrap();

        assertThat(h.padding()).isTrue();
        assertThat(h.isApp()).isFalse();
        assertThat(h.enabled()).isFalse();
        assertThat(h.totalSize()).isEqualTo(4096);
    }

    @Test
    void aProgramTlvTakesPrecedenceOverMain() {
        TbfHeader h = parse(new RawTbf().main(4, 0, 100).program(8, 16, 200, 0x300, 5).header()).unwrap();

        assertThat(h.minimumAppRamSize()).isEqualTo(200);
        assertThat(h.protectedSize()).isEqualTo(h.headerSize() + 16);
        assertThat(h.initFunctionOffset()).isEqualTo(h.headerSize() + 8);
        assertThat(h.binaryEnd()).isEqualTo(0x300);
        assertThat(h.binaryVersion()).isEqualTo(5);
    }

    @Test
    void theLastWriteableFlashRegionsTlvIsTheOneThatCounts() {
        TbfHeader h = parse(new RawTbf().main(0, 0, 0).writeableFlashRegions(0x100, 0x10, 0x200, 0x20)
                .writeableFlashRegions(0x400, 0x40).header()).unwrap();

        assertThat(h.writeableFlashRegions()).containsExactly(new TbfHeader.WriteableFlashRegion(0x400, 0x40));
    }

    @Test
    void moreWriteableFlashRegionsThanTheKernelKeepsAreTooManyEntries() {
        int[] nine = new int[18];
        byte[] header = new RawTbf().main(0, 0, 0).writeableFlashRegions(nine).header();

        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.TooManyEntries(2));
    }

    @Test
    void exactlyAsManyWriteableFlashRegionsAsTheKernelKeepsAreAccepted() {
        int[] eight = new int[16];
        for (int i = 0; i < 8; i++) {
            eight[2 * i] = 0x100 * (i + 1);
            eight[2 * i + 1] = 0x10;
        }

        TbfHeader h = parse(new RawTbf().main(0, 0, 0).writeableFlashRegions(eight).header()).unwrap();

        assertThat(h.writeableFlashRegions()).hasSize(TbfParser.MAX_WRITEABLE_FLASH_REGIONS)
                .startsWith(new TbfHeader.WriteableFlashRegion(0x100, 0x10))
                .endsWith(new TbfHeader.WriteableFlashRegion(0x800, 0x10));
    }

    @Test
    void aPermissionsTlvListingNoDriversIsAcceptedAndGrantsNothing() {
        TbfHeader h = parse(new RawTbf().main(0, 0, 0).tlv(6, permissions(0, 0, 0)).header()).unwrap();

        assertThat(h.permissions()).contains(List.of());
        assertThat(h.commandPermissions(0x2, 0)).isEqualTo(CommandPermissions.NO_PERMS_THIS_DRIVER);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"0", "1"})
    void aPermissionsTlvTooShortToHoldItsCountIsABadTlvEntry(int length) {
        byte[] header = new RawTbf().main(0, 0, 0).tlv(6, new byte[length]).header();

        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.BadTlvEntry(TbfHeader.TLV_PERMISSIONS));
    }

    @ParameterizedTest(name = "{0} entries")
    @CsvSource({"1", "2", "16"})
    void aPermissionsTlvExactlyLongEnoughForItsEntriesIsAccepted(int count) {
        byte[] header = new RawTbf().main(0, 0, 0).tlv(6, permissions(count, count, 0)).header();

        TbfHeader h = parse(header).unwrap();

        assertThat(h.permissions()).hasValueSatisfying(perms -> assertThat(perms).hasSize(count));
        assertThat(h.commandPermissions(0x100 + count - 1, count - 1))
                .isEqualTo(new CommandPermissions.Mask(1L << (count - 1)));
    }

    @ParameterizedTest(name = "{0} entries")
    @CsvSource({"1", "2", "16"})
    void aPermissionsTlvOneByteShortOfItsDeclaredEntriesIsABadTlvEntry(int count) {
        byte[] header = new RawTbf().main(0, 0, 0).tlv(6, permissions(count, count, -1)).header();

        assertThat(parse(header).unwrapErr()).isEqualTo(new TbfParseError.BadTlvEntry(TbfHeader.TLV_PERMISSIONS));
    }

    @Test
    void oneMorePermissionThanTheKernelKeepsIsTooManyEntries() {
        int count = TbfParser.MAX_PERMISSIONS + 1;
        byte[] header = new RawTbf().main(0, 0, 0).tlv(6, permissions(count, count, 0)).header();

        assertThat(parse(header).unwrapErr())
                .isEqualTo(new TbfParseError.TooManyEntries(TbfHeader.TLV_PERMISSIONS));
    }

    @Test
    void theStickyFlagIsBitOneAndOnlyAnAppCanBeSticky() {
        TbfHeader stickyApp = parse(new RawTbf().flags(0b11).main(0, 0, 0).header()).unwrap();
        TbfHeader stickyDisabledApp = parse(new RawTbf().flags(0b10).main(0, 0, 0).header()).unwrap();
        TbfHeader plainApp = parse(new RawTbf().flags(0b01).main(0, 0, 0).header()).unwrap();
        TbfHeader stickyPadding = parse(new RawTbf().flags(0b11).header()).unwrap();

        assertThat(stickyApp.sticky()).isTrue();
        assertThat(stickyApp.enabled()).isTrue();
        assertThat(stickyDisabledApp.sticky()).isTrue();
        assertThat(stickyDisabledApp.enabled()).isFalse();
        assertThat(plainApp.sticky()).isFalse();
        assertThat(stickyPadding.sticky()).isFalse();
        assertThat(stickyPadding.enabled()).isFalse();
    }

    @Test
    void theProtectedRegionOfAMainTlvBinaryIsItsHeaderPlusItsProtectedTrailer() {
        TbfHeader h = parse(new RawTbf().main(8, 64, 0).header()).unwrap();

        assertThat(h.protectedSize()).isEqualTo(h.headerSize() + 64);
        assertThat(h.appStartOffset()).isEqualTo(h.headerSize() + 64);
        assertThat(h.initFunctionOffset()).isEqualTo(h.headerSize() + 8);
    }

    @Test
    void paddingHasNoProtectedRegion() {
        TbfHeader h = parse(new RawTbf().totalSize(4096).header()).unwrap();

        assertThat(h.protectedSize()).isZero();
        assertThat(h.initFunctionOffset()).isZero();
    }

    @Test
    void fixedAddressesOfAllOnesMeanNoFixedAddress() {
        TbfHeader h = parse(new RawTbf().main(0, 0, 0).fixedAddresses(-1, -1).header()).unwrap();

        assertThat(h.fixedAddressRam()).isEmpty();
        assertThat(h.fixedAddressFlash()).isEmpty();
    }

    @Test
    void aShortIdOfZeroIsNone() {
        assertThat(parse(new RawTbf().main(0, 0, 0).shortId(0).header()).unwrap().shortId()).isEmpty();
        assertThat(parse(new RawTbf().main(0, 0, 0).shortId(7).header()).unwrap().shortId()).hasValue(7);
    }

    @Test
    void commandPermissionsFollowTheTlv() {
        byte[] image = new TbfImageBuilder("p").permission(0x2, 0, 0b11).permission(0x2, 1, 0b100).build();
        TbfHeader h = parse(headerOf(image)).unwrap();
        TbfHeader none = parse(headerOf(new TbfImageBuilder("q").build())).unwrap();

        assertThat(h.commandPermissions(0x2, 1)).isEqualTo(new CommandPermissions.Mask(0b100));
        assertThat(h.commandPermissions(0x2, 5)).isEqualTo(new CommandPermissions.Mask(0));
        assertThat(h.commandPermissions(0x3, 0)).isEqualTo(CommandPermissions.NO_PERMS_THIS_DRIVER);
        assertThat(none.commandPermissions(0x2, 0)).isEqualTo(CommandPermissions.NO_PERMS_AT_ALL);
    }

    @Test
    void theBuilderPadsImagesToAPowerOfTwoOfAtLeastOneKibibyte() {
        assertThat(new TbfImageBuilder("a").codeSize(0).build()).hasSize(1024);
        assertThat(new TbfImageBuilder("a").codeSize(1024).build()).hasSize(2048);
        assertThat(List.of(new TbfImageBuilder("a").enabled(false).build()))
                .allSatisfy(image -> assertThat(parse(headerOf(image)).unwrap().enabled()).isFalse());
        assertThat(Optional.of(new TbfImageBuilder("a").build()[100])).contains((byte) 0xFF);
    }

    /**
     * A Permissions TLV value declaring {@code declared} entries and holding {@code present} of them (entry
     * {@code i}: driver {@code 0x100 + i}, offset {@code i}, mask {@code 1 << i}), {@code extraBytes} longer or
     * shorter.
     */
    private static byte[] permissions(int declared, int present, int extraBytes) {
        java.nio.ByteBuffer b = RawTbf.le(2 + 16 * present + Math.max(0, extraBytes)).putShort((short) declared);
        for (int i = 0; i < present; i++) {
            b.putInt(0x100 + i).putInt(i).putLong(1L << i);
        }
        return Arrays.copyOf(b.array(), 2 + 16 * present + extraBytes);
    }

    private static void fixChecksum(byte[] header) {
        java.nio.ByteBuffer b = RawTbf.le(header.length).put(header);
        int checksum = 0;
        for (int i = 0; i + 4 <= header.length; i += 4) {
            if (i != 12) {
                checksum ^= b.getInt(i);
            }
        }
        b.putInt(12, checksum);
        System.arraycopy(b.array(), 0, header, 0, header.length);
    }
}
