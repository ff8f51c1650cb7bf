package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.sam4l.hardware.FlashcalwModel.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.sam4l.hardware.CpuBus;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.flash.Client;
import org.tock4j.kernel.hil.flash.FlashError;

class FlashcalwTests {
    private static final int PAGE = 700;
    private static final int PAGE_ADDRESS = PAGE * PAGE_SIZE;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final Flashcalw flash = chip.flash();
    private final MemoryBus bus = chip.memory();
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void client() {
        flash.setClient(new Client() {
            @Override
            public void readComplete(byte[] page, Result<Void, FlashError> result) {
                events.add("read " + result.isOk() + " @" + chip.clock().now());
            }

            @Override
            public void writeComplete(byte[] page, Result<Void, FlashError> result) {
                events.add("write " + (result.isOk() ? "ok" : result.unwrapErr()) + " @" + chip.clock().now());
            }

            @Override
            public void eraseComplete(Result<Void, FlashError> result) {
                events.add("erase " + (result.isOk() ? "ok" : result.unwrapErr()) + " @" + chip.clock().now());
            }
        });
    }

    private static byte[] pattern(int seed) {
        byte[] page = new byte[PAGE_SIZE];
        for (int i = 0; i < page.length; i++) {
            page[i] = (byte) (i * 31 + seed);
        }
        return page;
    }

    private byte[] flashPage(int address) {
        byte[] data = new byte[PAGE_SIZE];
        bus.read(address, data, 0, PAGE_SIZE);
        return data;
    }

    @Test
    void flashcalwEraseTakesDatasheetTime() {
        bus.write(PAGE_ADDRESS, pattern(1), 0, PAGE_SIZE); // as a debugger programs it
        assertThat(flash.erasePage(PAGE).isOk()).isTrue();

        // Unlocking the page's region is fuse programming: 1 ms.
        board.runUntil(999_999);
        assertThat(flashPage(PAGE_ADDRESS)).isEqualTo(pattern(1));
        board.runUntil(1_000_000);
        assertThat(chip.hardware().flashcalw().isBusy()).isTrue(); // the handler started the page erase
        // The page erase: 4.5 ms.
        board.runUntil(5_499_999);
        assertThat(events).isEmpty();
        assertThat(flashPage(PAGE_ADDRESS)).isEqualTo(pattern(1));
        board.runUntil(10_000_000);

        assertThat(events).containsExactly("erase ok @5500000");
        byte[] erased = new byte[PAGE_SIZE];
        Arrays.fill(erased, (byte) 0xFF);
        assertThat(flashPage(PAGE_ADDRESS)).isEqualTo(erased);
    }

    @Test
    void flashcalwWritePageUnlocksErasesAndProgramsThroughThePageBuffer() {
        bus.write(PAGE_ADDRESS, pattern(1), 0, PAGE_SIZE);
        byte[] data = pattern(2);

        assertThat(flash.writePage(PAGE, data).isOk()).isTrue();
        board.runUntil(20_000_000);

        // UP 1 ms + EP 4.5 ms + (CPB at once) WP 4.5 ms
        assertThat(events).containsExactly("write ok @10000000");
        assertThat(flashPage(PAGE_ADDRESS)).isEqualTo(data);
        assertThat(flashPage(PAGE_ADDRESS + PAGE_SIZE)).containsOnly((byte) 0xFF);
    }

    @Test
    void readPageCopiesAtOnceAndCompletesFromADeferredCall() {
        byte[] data = pattern(3);
        bus.write(PAGE_ADDRESS, data, 0, PAGE_SIZE);
        byte[] page = new byte[PAGE_SIZE];

        assertThat(flash.readPage(PAGE, page).isOk()).isTrue();
        assertThat(page).isEqualTo(data);
        assertThat(events).isEmpty();
        assertThat(board.deferredCalls.hasTasks()).isTrue();

        board.runUntil(1_000);
        assertThat(events).containsExactly("read true @0");
    }

    @Test
    void aReadOutsideTheFlashIsInvalAndAShortBufferIsSize() {
        byte[] page = new byte[PAGE_SIZE];
        assertThat(flash.readPage(1024, page).unwrapErr().error()).isEqualTo(ErrorCode.INVAL);
        assertThat(flash.readPage(1, new byte[10]).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
        assertThat(flash.writePage(1, new byte[10]).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
        assertThat(flash.pageSize()).isEqualTo(512);
    }

    @Test
    void aSecondRequestWhileOneRunsIsBusy() {
        flash.erasePage(3);
        assertThat(flash.erasePage(4).unwrapErr()).isEqualTo(ErrorCode.BUSY);
        byte[] page = new byte[PAGE_SIZE];
        assertThat(flash.writePage(4, page).unwrapErr().page()).isSameAs(page);
    }

    @Test
    void aWriteOrEraseOutsideTheFlashIsInval() {
        byte[] page = pattern(4);
        assertThat(flash.writePage(1024, page).unwrapErr())
                .isEqualTo(new Flashcalw.RejectedPage(ErrorCode.INVAL, page));
        assertThat(flash.erasePage(-1).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        board.runUntil(1_000_000);
        assertThat(events).isEmpty();
    }

    @Test
    void programmingClearsBitsOnlyAndEmptiesThePageBuffer() {
        CpuBus cpu = chip.hardware().cpuBus();
        chip.pm().enableClock(Clock.Hsb.FLASHCALW);
        bus.write32(PAGE_ADDRESS, 0xFFFF_00FF);
        cpu.write32(PAGE_ADDRESS, 0x0F0F_0F0F); // into the page buffer, not the array
        assertThat(bus.read32(PAGE_ADDRESS)).isEqualTo(0xFFFF_00FF);

        bus.write32(BASE + FCMD, FCMD_KEY << 24 | PAGE << FCMD_PAGEN_SHIFT | CMD_WP);
        chip.clock().advanceBy(PAGE_PROGRAM_NS);

        assertThat(bus.read32(PAGE_ADDRESS)).isEqualTo(0x0F0F_000F);
        bus.write32(BASE + FCMD, FCMD_KEY << 24 | (PAGE + 1) << FCMD_PAGEN_SHIFT | CMD_WP);
        chip.clock().advanceBy(PAGE_PROGRAM_NS);
        assertThat(bus.read32(PAGE_ADDRESS + PAGE_SIZE)).isEqualTo(-1); // the buffer was all ones again
    }

    @Test
    void aLockedRegionRefusesWritesWithLocke() {
        chip.pm().enableClock(Clock.Hsb.FLASHCALW);
        bus.write32(BASE + FCMD, FCMD_KEY << 24 | PAGE << FCMD_PAGEN_SHIFT | CMD_LP);
        chip.clock().advanceBy(FUSE_PROGRAM_NS);
        assertThat(bus.read32(BASE + FSR) & 1 << (FSR_LOCK_SHIFT + PAGE / 64)).isNotZero();
        assertThat(chip.hardware().flashcalw().isLocked(PAGE)).isTrue();

        bus.write32(BASE + FCMD, FCMD_KEY << 24 | PAGE << FCMD_PAGEN_SHIFT | CMD_EP);

        int fsr = bus.read32(BASE + FSR);
        assertThat(fsr & FSR_LOCKE).isEqualTo(FSR_LOCKE);
        assertThat(fsr & FSR_FRDY).isEqualTo(FSR_FRDY);
        assertThat(bus.read32(BASE + FSR) & FSR_LOCKE).isZero(); // reading FSR cleared it
    }

    @Test
    void aCommandWithoutTheKeyIsAProgrammingError() {
        chip.pm().enableClock(Clock.Hsb.FLASHCALW);
        bus.write32(BASE + FCMD, PAGE << FCMD_PAGEN_SHIFT | CMD_EP);
        assertThat(bus.read32(BASE + FSR) & FSR_PROGE).isEqualTo(FSR_PROGE);
    }

    @Test
    void theParameterRegisterDescribes512BytePagesOf512KiB() {
        assertThat(bus.read32(BASE + FPR)).isEqualTo(4 << 8 | 11);
        assertThat(chip.flashSize()).isEqualTo(512 * 1024);
        assertThat(chip.hardware().flashcalw().pageCount()).isEqualTo(1024);
    }

    @Test
    void enablingFrdyWhileTheFlashIsReadyRequestsNoInterrupt() {
        chip.pm().enableClock(Clock.Hsb.FLASHCALW);
        bus.write32(BASE + FCR, FCR_FRDY);
        assertThat(chip.nvic().isPending(Sam4lInterrupts.HFLASHC)).isFalse();
        bus.write32(BASE + FCMD, FCMD_KEY << 24 | CMD_NOP);
        assertThat(chip.nvic().isPending(Sam4lInterrupts.HFLASHC)).isFalse();
        chip.clock().advanceBy(21); // the request follows one 48 MHz cycle later
        assertThat(chip.nvic().isPending(Sam4lInterrupts.HFLASHC)).isTrue();
    }

    @Test
    void anInjectedWriteFailureIsProgeWhichTocksDriverMissesBecauseReadingFsrClearsIt() {
        bus.write(PAGE_ADDRESS, pattern(1), 0, PAGE_SIZE);
        chip.faults().failNextFlashWrite();

        assertThat(flash.writePage(PAGE, pattern(2)).isOk()).isTrue();
        board.runUntil(20_000_000);

        // UP 1 ms + EP 4.5 ms, then the WP is refused at once with PROGE (one HSB cycle to the interrupt). The
        // driver reads FSR for LOCKE, which clears PROGE, then reads PROGE as 0: it reports the write Ok, as
        // Tock's is_error would. The page was erased and never programmed.
        assertThat(events).singleElement().asString().startsWith("write ok @55");
        assertThat(flashPage(PAGE_ADDRESS)).containsOnly((byte) 0xFF);
        assertThat(chip.hardware().flashcalw().registers().warnings()).isEmpty();

        // One write only: the next one programs.
        events.clear();
        assertThat(flash.writePage(PAGE, pattern(3)).isOk()).isTrue();
        board.runUntil(40_000_000);
        assertThat(events).singleElement().asString().startsWith("write ok");
        assertThat(flashPage(PAGE_ADDRESS)).isEqualTo(pattern(3));
    }

    @Test
    void anInjectedWriteFailureSetsProgeForWhoeverReadsFsrFirst() {
        chip.pm().enableClock(Clock.Hsb.FLASHCALW);
        chip.hardware().flashcalw().failNextPageWrite();
        bus.write32(BASE + FCMD, FCMD_KEY << 24 | PAGE << FCMD_PAGEN_SHIFT | CMD_WP);

        int fsr = bus.read32(BASE + FSR);
        assertThat(fsr & (FSR_PROGE | FSR_FRDY)).isEqualTo(FSR_PROGE | FSR_FRDY);
        assertThat(bus.read32(BASE + FSR) & FSR_PROGE).isZero();
    }
}
