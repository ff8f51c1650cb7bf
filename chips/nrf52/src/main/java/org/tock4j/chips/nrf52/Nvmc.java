package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.hardware.NvmcModel.*;

import java.util.Objects;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.flash.Client;
import org.tock4j.kernel.hil.flash.Flash;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The flash HIL on the nRF52 NVMC, as Tock does it: every operation is done at once by the core (reading
 * flash, erasing the page and writing it word by word while spinning on READY, which costs the NVMC's erase
 * and write times in core time), and the client hears from a deferred call.
 *
 * <pre>{@code
 * Nvmc nvmc = chip.nvmc(deferredCalls);        // registered with the board's deferred calls
 * nvmc.setClient(client);
 * byte[] page = new byte[nvmc.pageSize()];
 * nvmc.writePage(200, page);                   // flash 0xC8000..0xC9000; client.writeComplete later
 * }</pre>
 *
 * <p>Tock counterpart: {@code nrf52::nvmc::Nvmc}. Differences, each to keep the HIL's promise that buffers
 * come back: a request while one waits for its deferred call is refused with {@code BUSY} (Tock would drop
 * the first buffer); a page number outside the flash is {@code INVAL} and a buffer that is not one page is
 * {@code SIZE} (Tock's type system makes both impossible).
 */
public final class Nvmc implements Flash, DeferredCallClient {
    /** Bytes per page (Tock's {@code PAGE_SIZE}). */
    public static final int PAGE_SIZE = 4096;

    private enum FlashState { Ready, Read, Write, Erase }

    private final MmioRegisters regs;
    private final PhysicalMemory bus;
    private final CortexM4 core;
    private final int flashStart;
    private final int pageCount;
    private final DeferredCall deferredCall;
    private Client client;
    private byte[] buffer;
    private FlashState state = FlashState.Ready;

    /**
     * The NVMC at {@code base} (0x4001E000) over {@code pageCount} pages of flash from {@code flashStart}.
     *
     * @param bus the core's port of the bus (stores into flash go through the NVMC)
     * @param core spins on READY
     * @param deferredCalls the board's; the NVMC's call is created here and registered by {@link #register()}
     */
    public Nvmc(PhysicalMemory bus, int base, int flashStart, int pageCount, CortexM4 core,
            DeferredCalls deferredCalls) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.regs = new MmioRegisters(bus, base);
        this.core = Objects.requireNonNull(core, "core");
        this.flashStart = flashStart;
        this.pageCount = pageCount;
        this.deferredCall = Objects.requireNonNull(deferredCalls, "deferredCalls").create();
    }

    /** Puts the NVMC in write mode. */
    public void configureWriteable() {
        regs.write(CONFIG, CONFIG_WEN);
    }

    /** Puts the NVMC in erase mode. */
    public void configureEraseable() {
        regs.write(CONFIG, CONFIG_EEN);
    }

    /** Erases the UICR (blocking, as in Tock). */
    public void eraseUicr() {
        regs.write(CONFIG, CONFIG_EEN);
        waitReady();
        regs.write(ERASEPAGE, UICR_ADDRESS);
        waitReady();
    }

    /** Whether no write or erase is in progress. */
    public boolean isReady() {
        return (regs.read(READY) & 1) != 0;
    }

    private void waitReady() {
        BusyWait.until(core, this::isReady, "NVMC READY");
    }

    /** The deferred call: tells the client the operation it asked for is done. */
    public void handleInterrupt() {
        FlashState was = state;
        state = FlashState.Ready;
        byte[] page = buffer;
        buffer = null;
        if (client == null) {
            return;
        }
        switch (was) {
            case Read -> client.readComplete(page, Result.ok());
            case Write -> client.writeComplete(page, Result.ok());
            case Erase -> client.eraseComplete(Result.ok());
            default -> { }
        }
    }

    private void erasePageHelper(int pageNumber) {
        regs.write(CONFIG, CONFIG_EEN);
        regs.write(ERASEPAGE, flashStart + pageNumber * PAGE_SIZE);
        waitReady();
    }

    private Result<Void, RejectedPage> check(int pageNumber, byte[] page) {
        if (state != FlashState.Ready) {
            return Result.err(new RejectedPage(ErrorCode.BUSY, page));
        }
        if (pageNumber < 0 || pageNumber >= pageCount) {
            return Result.err(new RejectedPage(ErrorCode.INVAL, page));
        }
        if (page.length != PAGE_SIZE) {
            return Result.err(new RejectedPage(ErrorCode.SIZE, page));
        }
        return Result.ok();
    }

    // ---- Flash ----

    @Override
    public int pageSize() {
        return PAGE_SIZE;
    }

    @Override
    public void setClient(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, RejectedPage> readPage(int pageNumber, byte[] page) {
        Result<Void, RejectedPage> checked = check(pageNumber, page);
        if (checked.isErr()) {
            return checked;
        }
        bus.read(flashStart + pageNumber * PAGE_SIZE, page, 0, PAGE_SIZE);
        buffer = page;
        state = FlashState.Read;
        deferredCall.set();
        return Result.ok();
    }

    @Override
    public Result<Void, RejectedPage> writePage(int pageNumber, byte[] page) {
        Result<Void, RejectedPage> checked = check(pageNumber, page);
        if (checked.isErr()) {
            return checked;
        }
        erasePageHelper(pageNumber);
        regs.write(CONFIG, CONFIG_WEN);
        int base = flashStart + pageNumber * PAGE_SIZE;
        for (int i = 0; i < PAGE_SIZE; i += 4) {
            int word = (page[i] & 0xFF) | (page[i + 1] & 0xFF) << 8 | (page[i + 2] & 0xFF) << 16
                    | (page[i + 3] & 0xFF) << 24;
            bus.write32(base + i, word);
            waitReady();
        }
        waitReady();
        buffer = page;
        state = FlashState.Write;
        deferredCall.set();
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> erasePage(int pageNumber) {
        if (state != FlashState.Ready) {
            return Result.err(ErrorCode.BUSY);
        }
        if (pageNumber < 0 || pageNumber >= pageCount) {
            return Result.err(ErrorCode.INVAL);
        }
        erasePageHelper(pageNumber);
        state = FlashState.Erase;
        deferredCall.set();
        return Result.ok();
    }

    // ---- DeferredCallClient ----

    @Override
    public void handleDeferredCall() {
        handleInterrupt();
    }

    @Override
    public void register() {
        deferredCall.register(this);
    }
}
