package org.tock4j.kernel.core.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessLoadError;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.RawTbf;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.process.State;
import org.tock4j.userland.App;

/**
 * Finding binaries in flash and creating processes for them (Tock's {@code load_processes_from_flash},
 * {@code discover_process_binary}, {@code ProcessBinary::create}).
 */
class ProcessLoaderTests {
    private final TestBoard board = new TestBoard();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private static App app(String name) {
        return TestApps.app(name, sys -> { });
    }

    private static App app(String name, int ram) {
        return TestApps.app(name, ram, sys -> { });
    }

    private static ProcessLoader.Outcome.Loaded loaded(ProcessLoader.Outcome o) {
        assertThat(o).isInstanceOf(ProcessLoader.Outcome.Loaded.class);
        return (ProcessLoader.Outcome.Loaded) o;
    }

    @Test
    void everyBinaryIsLoadedInFlashOrderIntoConsecutiveRam() {
        int aFlash = board.addApp(app("a", 4096));
        int bFlash = board.addApp(app("b", 8192));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).hasSize(2);
        ProcessStandard a = loaded(outcomes.get(0)).process();
        ProcessStandard b = loaded(outcomes.get(1)).process();
        assertThat(outcomes).extracting(ProcessLoader.Outcome::flashStart).containsExactly(aFlash, bFlash);
        assertThat(a.getAddresses().flashStart()).isEqualTo(TestBoard.APPS_FLASH_START);
        assertThat(a.getAddresses().sramStart()).isEqualTo(TestBoard.APPS_RAM_START);
        assertThat(b.getAddresses().sramStart()).isEqualTo(a.getAddresses().sramEnd());
        assertThat(a.processid().rawIndex()).isZero();
        assertThat(b.processid().rawIndex()).isEqualTo(1);
        assertThat(board.kernel().getProcess(b.processid())).contains(b);
        assertThat(a.getState()).isEqualTo(State.YIELDED);
    }

    @Test
    void aDisabledBinaryIsSkippedWithItsReasonAndTheNextStillLoads() {
        board.addApp(app("off"), b -> b.enabled(false));
        board.addApp(app("on"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isEqualTo(new ProcessLoader.Outcome.Skipped(TestBoard.APPS_FLASH_START,
                new ProcessBinaryError.NotEnabledProcess()));
        assertThat(loaded(outcomes.get(1)).process().getProcessName()).isEqualTo("on");
        assertThat(board.process("on").processid().rawIndex()).isZero();
    }

    @Test
    void paddingIsSkippedAndWhatFollowsLoads() {
        int padding = board.writeImage(new RawTbf().totalSize(2048).image());
        board.addApp(app("after"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isEqualTo(new ProcessLoader.Outcome.Skipped(padding,
                new ProcessBinaryError.Padding()));
        assertThat(loaded(outcomes.get(1)).flashStart()).isEqualTo(padding + 2048);
    }

    @Test
    void aBinaryForAnotherKernelMajorVersionIsSkipped() {
        board.addApp(app("old"), b -> b.kernelVersion(1, 0));
        board.addApp(app("new"), b -> b.kernelVersion(2, 2));
        board.addApp(app("ok"), b -> b.kernelVersion(2, 1));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).extracting(o -> o instanceof ProcessLoader.Outcome.Skipped s ? s.error() : "loaded")
                .containsExactly(new ProcessBinaryError.IncompatibleKernelVersion(1, 0, true),
                        new ProcessBinaryError.IncompatibleKernelVersion(2, 2, true), "loaded");
    }

    @Test
    void aBinaryWithoutAKernelVersionIsSkipped() {
        board.writeImage(new RawTbf().totalSize(1024).main(0, 0, 1024).packageName("legacy").image());
        board.addApp(app("ok"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).extracting(o -> ((ProcessLoader.Outcome.Skipped) o).error())
                .isEqualTo(new ProcessBinaryError.IncompatibleKernelVersion(0, 0, false));
        assertThat(outcomes.get(1)).isInstanceOf(ProcessLoader.Outcome.Loaded.class);
    }

    @Test
    void aBinaryWithABadChecksumIsSkippedAndTheRestLoad() {
        byte[] broken = new TbfImageBuilder("broken").codeSize(100).build();
        broken[20] ^= 1;
        board.writeImage(broken);
        board.addApp(app("ok"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(((ProcessLoader.Outcome.Skipped) outcomes.get(0)).error())
                .isInstanceOfSatisfying(ProcessBinaryError.TbfHeaderParseFailure.class,
                        f -> assertThat(f.error()).isInstanceOf(TbfParseError.ChecksumMismatch.class));
        assertThat(outcomes.get(1)).isInstanceOf(ProcessLoader.Outcome.Loaded.class);
    }

    @Test
    void aProcessThatDoesNotFitInRamIsReportedWhileTheRestStillLoad() {
        board.addApp(app("small", 4096));
        int bigFlash = board.addApp(app("big", 512 * 1024));
        board.addApp(app("also small", 4096));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(1)).isEqualTo(new ProcessLoader.Outcome.NotLoaded(bigFlash, "big",
                ProcessLoadError.NotEnoughMemory));
        ProcessStandard small = loaded(outcomes.get(0)).process();
        ProcessStandard alsoSmall = loaded(outcomes.get(2)).process();
        assertThat(alsoSmall.processid().rawIndex()).isEqualTo(1);
        assertThat(alsoSmall.getAddresses().sramStart()).isEqualTo(small.getAddresses().sramEnd());
    }

    @Test
    void loadingStopsAtErasedFlash() {
        board.addApp(app("a"));
        board.writeImage(new byte[0]);
        // A valid binary after a gap of erased flash is never found.
        byte[] gap = new byte[4096];
        java.util.Arrays.fill(gap, (byte) 0xFF);
        board.writeImage(gap);
        board.addApp(app("unreachable"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).hasSize(1);
        assertThat(board.kernel().getProcessIter()).hasSize(1);
    }

    @Test
    void loadingStopsWhenEveryProcessSlotIsTaken() {
        for (int i = 0; i < 5; i++) {
            board.addApp(app("app" + i));
        }

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).hasSize(4).allMatch(o -> o instanceof ProcessLoader.Outcome.Loaded);
    }

    @Test
    void aBinaryClaimingMoreFlashThanRemainsEndsLoading() {
        board.addApp(app("a"));
        board.writeImage(new RawTbf().totalSize(TestBoard.APPS_FLASH_SIZE).main(0, 0, 0).kernelVersion(2, 0)
                .packageName("huge").header());

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).hasSize(2);
        assertThat(((ProcessLoader.Outcome.Skipped) outcomes.get(1)).error())
                .isEqualTo(new ProcessBinaryError.NotEnoughFlash());
    }

    @Test
    void aBinaryWhoseBinaryEndLiesPastItsLengthEndsLoading() {
        board.writeImage(new RawTbf().totalSize(1024).program(0, 0, 1024, 4096, 1).kernelVersion(2, 0)
                .packageName("overrun").image());
        board.addApp(app("after"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).singleElement().isEqualTo(new ProcessLoader.Outcome.Skipped(
                TestBoard.APPS_FLASH_START, new ProcessBinaryError.NotEnoughFlash()));
        assertThat(board.kernel().getProcessIter()).isEmpty();
    }

    @Test
    void aBinaryNoAppCanRunIsNotLoaded() {
        board.writeImage(new TbfImageBuilder("nobody").codeSize(100).build());
        board.addApp(app("somebody"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ProcessLoader.Outcome.NotLoaded.class,
                n -> assertThat(n.error()).isEqualTo(new ProcessLoadError.NoCodeForBinary("nobody")));
        assertThat(board.process("somebody").processid().rawIndex()).isZero();
    }

    @Test
    void aBinaryLinkedForAnotherFlashAddressIsSkipped() {
        board.addApp(app("a"), b -> b.fixedAddresses(-1, 0x1234));

        List<ProcessLoader.Outcome> outcomes = board.load();

        int codeStart = TestBoard.APPS_FLASH_START + builderHeaderSize("a");
        assertThat(((ProcessLoader.Outcome.Skipped) outcomes.getFirst()).error())
                .isEqualTo(new ProcessBinaryError.IncorrectFlashAddress(codeStart, 0x1234));
    }

    @Test
    void aBinaryLinkedForWhereItsCodeActuallyStartsLoads() {
        int codeStart = TestBoard.APPS_FLASH_START + builderHeaderSize("a");
        board.addApp(app("a"), b -> b.fixedAddresses(-1, codeStart));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(loaded(outcomes.getFirst()).process().getProcessName()).isEqualTo("a");
    }

    @Test
    void aFixedFlashAddressCountsTheProtectedTrailerAfterTheHeader() {
        int start = TestBoard.APPS_FLASH_START;
        int headerSize = new RawTbf().main(0, 64, 1024).kernelVersion(2, 0).fixedAddresses(-1, 0).header().length;
        board.writeImage(new RawTbf().totalSize(1024).main(0, 64, 1024).kernelVersion(2, 0)
                .fixedAddresses(-1, start + headerSize + 64).image());

        var binary = ProcessLoader.processBinary(board.memory(), start, 1024, headerSize, 2);

        assertThat(binary.unwrap().protectedSize()).isEqualTo(headerSize + 64);
    }

    @Test
    void aBinaryThatFillsTheRestOfTheAppFlashExactlyIsFound() {
        byte[] image = new RawTbf().totalSize(1024).main(0, 0, 1024).kernelVersion(2, 0).packageName("last")
                .image();
        int start = board.writeImage(image);

        List<ProcessLoader.Outcome> outcomes = loadFrom(start, image.length);

        assertThat(outcomes).singleElement().isEqualTo(new ProcessLoader.Outcome.NotLoaded(start, "last",
                new ProcessLoadError.NoCodeForBinary("last")));
    }

    @Test
    void aBinaryOneByteLongerThanTheRestOfTheAppFlashEndsLoading() {
        byte[] image = new RawTbf().totalSize(1024).main(0, 0, 1024).kernelVersion(2, 0).packageName("last")
                .image();
        int start = board.writeImage(image);

        List<ProcessLoader.Outcome> outcomes = loadFrom(start, image.length - 1);

        assertThat(outcomes).singleElement().isEqualTo(new ProcessLoader.Outcome.Skipped(start,
                new ProcessBinaryError.NotEnoughFlash()));
    }

    @Test
    void eightBytesOfAppFlashAreEnoughToReadTheStartOfAHeader() {
        int start = board.writeImage(new RawTbf().totalSize(1024).main(0, 0, 1024).image());

        assertThat(loadFrom(start, 8)).singleElement().isEqualTo(new ProcessLoader.Outcome.Skipped(start,
                new ProcessBinaryError.NotEnoughFlash()));
    }

    @Test
    void fewerThanEightBytesOfAppFlashHoldNoBinary() {
        int start = board.writeImage(new RawTbf().totalSize(1024).main(0, 0, 1024).image());

        assertThat(loadFrom(start, 7)).isEmpty();
    }

    @Test
    void aBinaryWhoseHeaderIsLongerThanTheBinaryIsSkippedAndTheNextOneLoads() {
        byte[] image = new byte[1024];
        RawTbf.le(8).putShort((short) 2).putShort((short) 2048).putInt(1024).flip().get(image, 0, 8);
        int broken = board.writeImage(image);
        board.addApp(app("next"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.getFirst()).isEqualTo(new ProcessLoader.Outcome.Skipped(broken,
                new ProcessBinaryError.TbfHeaderParseFailure(new TbfParseError.InvalidHeader(1024))));
        assertThat(loaded(outcomes.get(1)).flashStart()).isEqualTo(broken + 1024);
    }

    @Test
    void aBinaryClaimingATotalSizeOfZeroEndsLoading() {
        int start = board.writeImage(RawTbf.le(16).putShort((short) 2).putShort((short) 16).putInt(0).array());
        board.addApp(app("unreachable"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes).singleElement().isEqualTo(new ProcessLoader.Outcome.Skipped(start,
                new ProcessBinaryError.NotEnoughFlash()));
        assertThat(board.kernel().getProcessIter()).isEmpty();
    }

    @Test
    void paddingWhoseHeaderIsTheWholeBinaryIsSkippedAndWhatFollowsLoads() {
        byte[] padding = new RawTbf().totalSize(16).header();
        int at = board.writeImage(padding);
        board.addApp(app("after"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(padding).hasSize(16);
        assertThat(outcomes.getFirst()).isEqualTo(new ProcessLoader.Outcome.Skipped(at,
                new ProcessBinaryError.Padding()));
        assertThat(loaded(outcomes.get(1)).flashStart()).isEqualTo(at + 16);
    }

    @Test
    void anAppWhoseHeaderIsTheWholeBinaryIsFound() {
        RawTbf headerOnly = new RawTbf().main(0, 0, 1024).kernelVersion(2, 0).packageName("hdr");
        int headerSize = headerOnly.header().length;
        int at = board.writeImage(headerOnly.totalSize(headerSize).header());

        List<ProcessLoader.Outcome> outcomes = loadFrom(at, headerSize);

        assertThat(outcomes).singleElement().isEqualTo(new ProcessLoader.Outcome.NotLoaded(at, "hdr",
                new ProcessLoadError.NoCodeForBinary("hdr")));
    }

    /** Loads from {@code [flashStart, flashStart + flashLength)} with no code for any binary. */
    private List<ProcessLoader.Outcome> loadFrom(int flashStart, int flashLength) {
        return ProcessLoader.loadProcesses(board.kernel(), board.chip(), flashStart, flashLength,
                TestBoard.APPS_RAM_START, TestBoard.APPS_RAM_SIZE, FaultPolicies.stop(),
                (header, start, length) -> Optional.empty(), Capability.processManagement());
    }

    /** The header size of a {@link TestBoard} image with a FixedAddresses TLV. */
    private static int builderHeaderSize(String name) {
        return new TbfImageBuilder(name).kernelVersion(2, 0).fixedAddresses(-1, 0).header(0).length;
    }

    @Test
    void aFixedRamAddressInsideThePoolIsHonoured() {
        int fixed = TestBoard.APPS_RAM_START + 0x1000;
        board.addApp(app("a"), b -> b.fixedAddresses(fixed, -1));

        board.load();

        assertThat(board.process("a").getAddresses().sramStart()).isEqualTo(fixed);
    }

    @Test
    void aFixedRamAddressBelowThePoolIsNotLoaded() {
        board.addApp(app("a"), b -> b.fixedAddresses(TestBoard.APPS_RAM_START - 0x100, -1));
        board.addApp(app("b"));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ProcessLoader.Outcome.NotLoaded.class,
                n -> assertThat(n.error()).isInstanceOf(ProcessLoadError.MemoryAddressMismatch.class));
        assertThat(board.process("b").getAddresses().sramStart()).isEqualTo(TestBoard.APPS_RAM_START);
    }

    @Test
    void aFixedRamAddressAtThePoolsStartIsHonoured() {
        board.addApp(app("a"), b -> b.fixedAddresses(TestBoard.APPS_RAM_START, -1));

        board.load();

        assertThat(board.process("a").getAddresses().sramStart()).isEqualTo(TestBoard.APPS_RAM_START);
    }

    @Test
    void aFixedRamAddressPastThePoolIsAMismatchNamingThePoolsLastByte() {
        int poolEnd = TestBoard.APPS_RAM_START + TestBoard.APPS_RAM_SIZE;
        board.addApp(app("a"), b -> b.fixedAddresses(poolEnd + 4, -1));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ProcessLoader.Outcome.NotLoaded.class, n -> assertThat(
                n.error()).isEqualTo(new ProcessLoadError.MemoryAddressMismatch(poolEnd - 1, poolEnd + 4)));
    }

    @Test
    void aFixedRamAddressTooNearThePoolsEndLeavesTooLittleMemory() {
        int poolEnd = TestBoard.APPS_RAM_START + TestBoard.APPS_RAM_SIZE;
        board.addApp(app("a", 4096), b -> b.fixedAddresses(poolEnd - 1024, -1));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ProcessLoader.Outcome.NotLoaded.class,
                n -> assertThat(n.error()).isEqualTo(ProcessLoadError.NotEnoughMemory));
    }

    @Test
    void aFixedRamAddressAtThePoolsEndLeavesNoMemory() {
        int poolEnd = TestBoard.APPS_RAM_START + TestBoard.APPS_RAM_SIZE;
        board.addApp(app("a"), b -> b.fixedAddresses(poolEnd, -1));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ProcessLoader.Outcome.NotLoaded.class,
                n -> assertThat(n.error()).isEqualTo(ProcessLoadError.NotEnoughMemory));
    }
}
