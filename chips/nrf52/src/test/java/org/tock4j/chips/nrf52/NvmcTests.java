package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.NvmcModel.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.flash.Client;
import org.tock4j.kernel.hil.flash.Flash;
import org.tock4j.kernel.hil.flash.FlashError;
import org.tock4j.kernel.platform.PhysicalMemory;

class NvmcTests {
    private static final int BASE = Nrf52840MemoryMap.NVMC_BASE;
    private static final int PAGE_200 = 200 * PAGE_SIZE;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final PhysicalMemory core = bus.cpuPort();
    private final TestDeferredCalls deferredCalls = new TestDeferredCalls();
    private final List<String> completions = new ArrayList<>();

    private final Client client = new Client() {
        @Override
        public void readComplete(byte[] page, Result<Void, FlashError> result) {
            completions.add("read " + result.isOk() + " @" + clock.now());
        }

        @Override
        public void writeComplete(byte[] page, Result<Void, FlashError> result) {
            completions.add("write " + result.isOk() + " @" + clock.now());
        }

        @Override
        public void eraseComplete(Result<Void, FlashError> result) {
            completions.add("erase " + result.isOk() + " @" + clock.now());
        }
    };

    @Test
    void nvmcRefusesWritesUnlessWen() {
        core.write32(PAGE_200, 0x1234_5678);
        bus.write32(BASE + CONFIG, CONFIG_EEN);
        core.write32(PAGE_200 + 4, 0x1234_5678);
        clock.advanceBy(1_000_000);

        assertThat(bus.read32(PAGE_200)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.read32(PAGE_200 + 4)).isEqualTo(0xFFFF_FFFF);
        assertThat(chip.hardware().nvmc().registers().warnings())
                .contains("store to flash at 0x000C8000 ignored: CONFIG.WEN is not Wen");

        bus.write32(BASE + CONFIG, CONFIG_WEN);
        core.write32(PAGE_200, 0x1234_5678);
        clock.advanceBy(WRITE_TIME_NS);
        assertThat(bus.read32(PAGE_200)).isEqualTo(0x1234_5678);
    }

    @Test
    void aWordWriteKeepsReadyLowForTheWriteTime() {
        bus.write32(BASE + CONFIG, CONFIG_WEN);
        core.write32(PAGE_200, 0);
        assertThat(bus.read32(BASE + READY)).isZero();
        assertThat(bus.read32(BASE + READYNEXT)).isZero();

        clock.advanceTo(WRITE_TIME_NS - 1);
        assertThat(bus.read32(BASE + READY)).isZero();
        assertThat(bus.read32(PAGE_200)).isEqualTo(0xFFFF_FFFF);
        clock.advanceTo(WRITE_TIME_NS);

        assertThat(bus.read32(BASE + READY)).isEqualTo(1);
        assertThat(bus.read32(PAGE_200)).isZero();
    }

    @Test
    void programmingCanOnlyClearBits() {
        bus.write32(BASE + CONFIG, CONFIG_WEN);
        core.write32(PAGE_200, 0xFF00_FF00);
        clock.advanceBy(WRITE_TIME_NS);
        core.write32(PAGE_200, 0x0FF0_0FF0);
        clock.advanceBy(WRITE_TIME_NS);

        assertThat(bus.read32(PAGE_200)).isEqualTo(0x0F00_0F00);
    }

    @Test
    void onlyWholeAlignedWordsAreProgrammed() {
        bus.write32(BASE + CONFIG, CONFIG_WEN);
        core.write8(PAGE_200, (byte) 0);
        core.write32(PAGE_200 + 2, 0);
        clock.advanceBy(1_000_000);

        assertThat(bus.read32(PAGE_200)).isEqualTo(0xFFFF_FFFF);
        assertThat(chip.hardware().nvmc().registers().warnings()).hasSize(2);
    }

    @Test
    void nvmcPageEraseTakesDatasheetTime() {
        bus.write(PAGE_200 + 100, new byte[] {1, 2, 3}, 0, 3); // programmed by the debugger
        bus.write32(PAGE_200 - 4, 0); // the page before
        bus.write32(BASE + CONFIG, CONFIG_EEN);

        bus.write32(BASE + ERASEPAGE, PAGE_200);
        clock.advanceTo(ERASE_PAGE_TIME_NS - 1);
        assertThat(bus.read32(BASE + READY)).isZero();
        assertThat(bus.read8(PAGE_200 + 100)).isEqualTo((byte) 1);
        clock.advanceTo(ERASE_PAGE_TIME_NS);

        assertThat(ERASE_PAGE_TIME_NS).isEqualTo(85_000_000);
        assertThat(bus.read32(BASE + READY)).isEqualTo(1);
        assertThat(bus.read8(PAGE_200 + 100)).isEqualTo((byte) 0xFF);
        assertThat(bus.read32(PAGE_200 - 4)).isZero();
    }

    @Test
    void erasepageNeedsEenAndEraseallClearsTheWholeFlash() {
        bus.write32(0x1000, 0);
        bus.write32(0xF_0000, 0);
        bus.write32(BASE + ERASEPAGE, 0x1000);
        clock.advanceBy(ERASE_PAGE_TIME_NS);
        assertThat(bus.read32(0x1000)).isZero();

        bus.write32(BASE + CONFIG, CONFIG_EEN);
        bus.write32(BASE + ERASEALL, 1);
        clock.advanceBy(ERASE_ALL_TIME_NS);

        assertThat(bus.read32(0x1000)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.read32(0xF_0000)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void theDriverWritesAPageByErasingItThenWritingEveryWordWhileTheCoreSpins() {
        Flash flash = chip.nvmc(deferredCalls);
        flash.setClient(client);
        byte[] page = new byte[flash.pageSize()];
        for (int i = 0; i < page.length; i++) {
            page[i] = (byte) (i * 7);
        }
        bus.write32(PAGE_200, 0); // something to erase

        assertThat(flash.writePage(200, page).isOk()).isTrue();

        long spun = clock.now();
        long words = PAGE_SIZE / 4;
        assertThat(spun).isBetween(ERASE_PAGE_TIME_NS + words * WRITE_TIME_NS,
                ERASE_PAGE_TIME_NS + words * (WRITE_TIME_NS + 100));
        byte[] back = new byte[PAGE_SIZE];
        bus.read(PAGE_200, back, 0, PAGE_SIZE);
        assertThat(back).isEqualTo(page);
        assertThat(completions).isEmpty(); // never from inside the request
        KernelLoopStandIn.runUntil(chip, spun + 1_000, deferredCalls);
        assertThat(completions).containsExactly("write true @" + spun);
    }

    @Test
    void theDriverReadsAndErasesPagesAndAnswersFromADeferredCall() {
        Flash flash = chip.nvmc(deferredCalls);
        flash.setClient(client);
        bus.write32(PAGE_200 + 8, 0xA5A5_A5A5);
        byte[] page = new byte[PAGE_SIZE];

        assertThat(flash.readPage(200, page).isOk()).isTrue();
        assertThat(Arrays.copyOfRange(page, 8, 12)).containsExactly(0xA5, 0xA5, 0xA5, 0xA5);
        KernelLoopStandIn.runUntil(chip, 1_000, deferredCalls);
        assertThat(flash.erasePage(200).isOk()).isTrue();
        long erasedAt = clock.now();
        KernelLoopStandIn.runUntil(chip, erasedAt + 1_000, deferredCalls);

        assertThat(completions).containsExactly("read true @0", "erase true @" + erasedAt);
        assertThat(erasedAt).isBetween(1_000 + ERASE_PAGE_TIME_NS, 1_000 + ERASE_PAGE_TIME_NS + 100);
        assertThat(bus.read32(PAGE_200 + 8)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void aSecondRequestBeforeTheFirstCompletesIsBusyAndBadPagesAreRefused() {
        Flash flash = chip.nvmc(deferredCalls);
        flash.setClient(client);
        flash.readPage(1, new byte[PAGE_SIZE]);

        byte[] second = new byte[PAGE_SIZE];
        assertThat(flash.readPage(2, second)).isEqualTo(Result.err(new Flash.RejectedPage(ErrorCode.BUSY, second)));
        assertThat(flash.erasePage(2)).isEqualTo(Result.err(ErrorCode.BUSY));
        KernelLoopStandIn.runUntil(chip, 1_000, deferredCalls);

        assertThat(flash.erasePage(256)).isEqualTo(Result.err(ErrorCode.INVAL));
        byte[] small = new byte[16];
        assertThat(flash.writePage(3, small)).isEqualTo(Result.err(new Flash.RejectedPage(ErrorCode.SIZE, small)));
    }

    @Test
    void theDebuggersProgrammingBypassesTheNvmc() {
        bus.write(0x4_0000, new byte[] {0x54, 0x42, 0x46}, 0, 3);

        assertThat(bus.read8(0x4_0001)).isEqualTo((byte) 0x42);
        assertThat(chip.hardware().nvmc().isBusy()).isFalse();
        assertThat(chip.hardware().nvmc().registers().warnings()).isEmpty();
    }

    @Test
    void aFailingPageWriteTakesItsTimeProgramsNothingAndTheDriverStillReportsOk() {
        Flash flash = chip.nvmc(deferredCalls);
        flash.setClient(client);
        byte[] page = new byte[PAGE_SIZE];
        Arrays.fill(page, (byte) 0x5A);
        bus.write32(PAGE_200, 0);

        chip.faults().failNextFlashWrite();
        assertThat(flash.writePage(200, page).isOk()).isTrue();

        long spun = clock.now();
        assertThat(spun).isGreaterThanOrEqualTo(ERASE_PAGE_TIME_NS + PAGE_SIZE / 4 * WRITE_TIME_NS);
        KernelLoopStandIn.runUntil(chip, spun + 1_000, deferredCalls);
        // The NVMC has no error flag: Tock's driver reports success, and the page reads erased.
        assertThat(completions).containsExactly("write true @" + spun);
        byte[] back = new byte[PAGE_SIZE];
        bus.read(PAGE_200, back, 0, PAGE_SIZE);
        assertThat(back).containsOnly((byte) 0xFF);

        // Only that write failed: the next one programs.
        assertThat(flash.writePage(201, page).isOk()).isTrue();
        bus.read(PAGE_200 + PAGE_SIZE, back, 0, PAGE_SIZE);
        assertThat(back).isEqualTo(page);
    }

    @Test
    void theFailingPageIsTheOneTheNextStoreGoesToUntilConfigIsWritten() {
        chip.hardware().nvmc().failNextPageWrite();
        bus.write32(BASE + CONFIG, CONFIG_WEN);
        core.write32(PAGE_200 + PAGE_SIZE, 0x1234_5678);   // page 201 fails
        clock.advanceBy(WRITE_TIME_NS);
        core.write32(PAGE_200, 0);                          // page 200 does not
        clock.advanceBy(WRITE_TIME_NS);
        core.write32(PAGE_200 + PAGE_SIZE + 4, 0);          // page 201 still fails
        clock.advanceBy(WRITE_TIME_NS);

        assertThat(bus.read32(PAGE_200 + PAGE_SIZE)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.read32(PAGE_200)).isZero();
        assertThat(bus.read32(PAGE_200 + PAGE_SIZE + 4)).isEqualTo(0xFFFF_FFFF);

        bus.write32(BASE + CONFIG, CONFIG_WEN);              // CONFIG written: the fault is over
        core.write32(PAGE_200 + PAGE_SIZE + 8, 0);
        clock.advanceBy(WRITE_TIME_NS);
        assertThat(bus.read32(PAGE_200 + PAGE_SIZE + 8)).isZero();
    }
}
