package org.tock4j.chips.nrf52.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.MemoryRegion;
import org.tock4j.chips.emulator.PagedMemory;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * NVMC, the nRF52840's non-volatile memory controller (product specification 6.13), as silicon: it decides
 * what the core's stores into flash do (the {@link MemoryBus.FlashController} of the flash region).
 *
 * <ul>
 *   <li>CONFIG.WEN selects read-only (Ren, the reset value), write (Wen) or erase (Een).</li>
 *   <li>With Wen, a word the core stores into flash is programmed {@value #WRITE_TIME_NS} ns later (t<sub>WRITE
 *       </sub>); programming can only clear bits (the new content is the old AND the word). Without Wen, or
 *       while the NVMC is busy, the store is ignored with a warning; so is a store that is not a whole aligned
 *       word.</li>
 *   <li>With Een, writing a page's address to ERASEPAGE erases that 4 KiB page to 0xFF in {@value
 *       #ERASE_PAGE_TIME_NS} ns (t<sub>ERASEPAGE</sub>); ERASEALL erases the whole flash in {@value
 *       #ERASE_ALL_TIME_NS} ns; ERASEUICR takes a page erase time (the UICR itself is not modelled).</li>
 *   <li>READY (and READYNEXT) read 0 while an operation is in progress, 1 otherwise. The flash content
 *       changes when the operation ends.</li>
 *   <li>Fault injection ({@link #failNextPageWrite()}): the page of the next word stored with Wen fails to
 *       program; that store and every later store into the same page take their write time and change no
 *       bit, until CONFIG is written again. The NVMC has no error flag or event, so nothing reports it: as
 *       with worn-out flash, the data simply is not there when read back.</li>
 * </ul>
 *
 * <p>The debugger's stores (the bus's own write methods, how boards program app images) bypass the NVMC,
 * as a debug probe's do. Times are the product specification's maximum values. Simplifications: the limit
 * of two writes per word between erases, partial erase and the instruction cache are not modelled (the cache
 * registers are declared unmodelled).
 */
public final class NvmcModel implements MemoryBus.FlashController {
    public static final int READY = 0x400;
    public static final int READYNEXT = 0x408;
    public static final int CONFIG = 0x504;
    public static final int ERASEPAGE = 0x508;
    public static final int ERASEALL = 0x50C;
    public static final int ERASEPCR0 = 0x510;
    public static final int ERASEUICR = 0x514;
    public static final int ERASEPAGEPARTIAL = 0x518;
    public static final int ERASEPAGEPARTIALCFG = 0x51C;
    public static final int ICACHECNF = 0x540;
    public static final int IHIT = 0x548;
    public static final int IMISS = 0x54C;

    public static final int CONFIG_REN = 0;
    public static final int CONFIG_WEN = 1;
    public static final int CONFIG_EEN = 2;
    public static final int PAGE_SIZE = 4096;
    /** Time to write one word (t<sub>WRITE</sub>, maximum). */
    public static final long WRITE_TIME_NS = 41_000;
    /** Time to erase one page (t<sub>ERASEPAGE</sub>, maximum). */
    public static final long ERASE_PAGE_TIME_NS = 85_000_000;
    /** Time to erase the whole flash (t<sub>ERASEALL</sub>, maximum). */
    public static final long ERASE_ALL_TIME_NS = 169_000_000;
    /** The UICR's address: ERASEPAGE of it is how Tock erases the UICR. */
    public static final int UICR_ADDRESS = 0x1000_1000;

    private final VirtualClock clock;
    private final PagedMemory flash;
    private final MemoryRegion flashRegion;
    private final RegisterBank bank;
    private final Register config;
    private ScheduledEvent operation;
    private boolean failNextPage;
    /** The offset of the page whose stores fail, or -1. */
    private int failingPage = -1;

    /** The NVMC at {@code baseAddress} controlling {@code flash}, mapped at {@code flashRegion}. */
    public NvmcModel(int baseAddress, VirtualClock clock, PagedMemory flash, MemoryRegion flashRegion) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flash = Objects.requireNonNull(flash, "flash");
        this.flashRegion = Objects.requireNonNull(flashRegion, "flashRegion");
        bank = new RegisterBank("NVMC", baseAddress);
        bank.readOnly("READY", READY, () -> isBusy() ? 0 : 1);
        bank.readOnly("READYNEXT", READYNEXT, () -> isBusy() ? 0 : 1);
        config = bank.storage("CONFIG", CONFIG, CONFIG_REN, 0b11, () -> {
            failingPage = -1;
            configWritten();
        });
        bank.writeOnly("ERASEPAGE", ERASEPAGE, this::erasePage);
        bank.writeOnly("ERASEALL", ERASEALL, v -> {
            if ((v & 1) != 0) {
                eraseAll();
            }
        });
        bank.unmodelled("ERASEPCR0", ERASEPCR0, 0);
        bank.writeOnly("ERASEUICR", ERASEUICR, v -> {
            if ((v & 1) != 0) {
                erasePage(UICR_ADDRESS);
            }
        });
        bank.unmodelled("ERASEPAGEPARTIAL", ERASEPAGEPARTIAL, 0);
        bank.unmodelled("ERASEPAGEPARTIALCFG", ERASEPAGEPARTIALCFG, 0x0A);
        bank.unmodelled("ICACHECNF", ICACHECNF, 0);
        bank.unmodelled("IHIT", IHIT, 0);
        bank.unmodelled("IMISS", IMISS, 0);
    }

    public RegisterBank registers() {
        return bank;
    }

    /** Whether a write or erase is in progress (READY reads 0). */
    public boolean isBusy() {
        return operation != null;
    }

    private int mode() {
        return config.value() & 0b11;
    }

    private void configWritten() {
        if (mode() == 3) {
            bank.warn("CONFIG.WEN = 3 is reserved; flash stays read-only");
        }
    }

    // ---- the core's stores into flash ----

    @Override
    public void cpuWrite32(int address, int value) {
        if ((address & 3) != 0) {
            bank.warn(String.format("unaligned store to flash at 0x%08X ignored: the NVMC writes aligned words",
                    address));
            return;
        }
        if (mode() != CONFIG_WEN) {
            bank.warn(String.format("store to flash at 0x%08X ignored: CONFIG.WEN is not Wen", address));
            return;
        }
        if (isBusy()) {
            bank.warn(String.format("store to flash at 0x%08X ignored: the NVMC is busy", address));
            return;
        }
        int offset = address - flashRegion.start();
        int page = offset & ~(PAGE_SIZE - 1);
        if (failNextPage) {
            failNextPage = false;
            failingPage = page;
        }
        boolean fails = page == failingPage;
        operation = clock.scheduleAfter(WRITE_TIME_NS, () -> {
            operation = null;
            if (fails) {
                return;
            }
            for (int i = 0; i < 4; i++) {
                byte old = flash.read8(offset + i);
                flash.write8(offset + i, (byte) (old & (value >>> (8 * i))));
            }
        });
    }

    @Override
    public void cpuWrite8(int address, byte value) {
        bank.warn(String.format("byte store to flash at 0x%08X ignored: the NVMC writes whole 32-bit words",
                address));
    }

    // ---- erase ----

    private boolean canErase(String what) {
        if (mode() != CONFIG_EEN) {
            bank.warn(what + " ignored: CONFIG.WEN is not Een");
            return false;
        }
        if (isBusy()) {
            bank.warn(what + " ignored: the NVMC is busy");
            return false;
        }
        return true;
    }

    private void erasePage(int address) {
        String what = String.format("ERASEPAGE of 0x%08X", address);
        if (address == UICR_ADDRESS) {
            if (canErase(what)) {
                bank.warn("the UICR is not modelled: erasing it changes nothing");
                operation = clock.scheduleAfter(ERASE_PAGE_TIME_NS, () -> operation = null);
            }
            return;
        }
        if (!flashRegion.contains(address)) {
            bank.warn(what + " ignored: not a flash page");
            return;
        }
        if (!canErase(what)) {
            return;
        }
        if ((address & (PAGE_SIZE - 1)) != 0) {
            bank.warn(what + ": not the first word of a page; the page holding it is erased");
        }
        int pageOffset = (address - flashRegion.start()) & ~(PAGE_SIZE - 1);
        operation = clock.scheduleAfter(ERASE_PAGE_TIME_NS, () -> {
            operation = null;
            flash.fill(pageOffset, PAGE_SIZE, flash.erasedValue());
        });
    }

    private void eraseAll() {
        if (!canErase("ERASEALL")) {
            return;
        }
        operation = clock.scheduleAfter(ERASE_ALL_TIME_NS, () -> {
            operation = null;
            flash.erase();
        });
    }

    /**
     * Fault injection: the page the next word store (with Wen) goes to fails to program, silently, until CONFIG
     * is written again (Tock's driver erases a page, sets Wen and writes the page's words, so its next
     * {@code write_page} leaves the page erased and still reports success).
     */
    public void failNextPageWrite() {
        failNextPage = true;
    }

    /** Back to the reset state: read-only, idle (an operation in progress is abandoned). */
    public void reset() {
        failNextPage = false;
        failingPage = -1;
        if (operation != null) {
            operation.cancel();
            operation = null;
        }
        bank.reset();
    }
}
