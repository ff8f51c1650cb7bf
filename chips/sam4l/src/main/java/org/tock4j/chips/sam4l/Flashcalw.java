package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.FlashcalwModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.hil.flash.Client;
import org.tock4j.kernel.hil.flash.Flash;
import org.tock4j.kernel.hil.flash.FlashError;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The flash HIL on the SAM4L FLASHCALW, as Tock's driver does it, split-phase on the FRDY interrupt:
 *
 * <ul>
 *   <li>write: unlock the page's region (UP) → erase the page (EP) → clear the page buffer, fill it through
 *       the flash address space, write the page (WP) → the client hears {@code writeComplete};</li>
 *   <li>erase: unlock the region (UP) → erase (EP) → {@code eraseComplete};</li>
 *   <li>read: copied at once from the flash array; {@code readComplete} comes from a deferred call.</li>
 * </ul>
 *
 * <pre>{@code
 * Flashcalw flash = chip.flash();
 * flash.setClient(client);
 * flash.writePage(1000, page);        // 512 bytes; 10 ms of virtual time later (UP, EP, WP): writeComplete
 * }</pre>
 *
 * <p>Requests are checked before they start: a page outside the flash is {@code INVAL}, a buffer shorter
 * than a page {@code SIZE}, a request while another runs {@code BUSY}. Tock checks only the read's range
 * and neither the state of a read nor a write's or erase's page (which on the silicon ends in a bus fault
 * while filling the page buffer). As in Tock, a failed command is detected by reading FSR twice (LOCKE, then
 * PROGE; each read clears both).
 *
 * <p>Tock counterpart: {@code sam4l::flashcalw::FLASHCALW}.
 */
public final class Flashcalw implements Flash, DeferredCallClient {
    private static final int FREQ_PS2_FWS_0_MAX_FREQ = 24_000_000;

    private enum State { Unconfigured, Ready, Read, WriteUnlocking, WriteErasing, WriteWriting, EraseUnlocking,
        EraseErasing }

    private final MmioRegisters registers;
    private final PhysicalMemory cpu;
    private final PowerManager pm;
    private final BusyWait spin;
    private Client client;
    private State currentState = State.Unconfigured;
    private int statePage;
    private byte[] buffer;
    private DeferredCall deferredCall;

    /**
     * @param bus the bus, for the registers and reads of the flash array
     * @param cpu the CPU's view of the address space, whose flash stores fill the page buffer
     */
    Flashcalw(PhysicalMemory bus, PhysicalMemory cpu, PowerManager pm, BusyWait spin) {
        this.registers = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.pm = Objects.requireNonNull(pm, "pm");
        this.spin = Objects.requireNonNull(spin, "spin");
    }

    void useDeferredCall(DeferredCall call) {
        this.deferredCall = Objects.requireNonNull(call, "call");
    }

    private void invalidateCache() {
        registers.write(PICOCACHE_MAINT0, 1);
    }

    private void enablePicocache(boolean enable) {
        registers.write(PICOCACHE_CTRL, enable ? 1 : 0);
    }

    /** Switches the PicoCache on (with its clocks) and waits until it is. */
    public void enableCache() {
        pm.enableClock(Clock.Hsb.FLASHCALWP);
        pm.enableClock(Clock.Pbb.HRAMC1);
        enablePicocache(true);
        spin.until(() -> (registers.read(PICOCACHE_SR) & 1) != 0, "PicoCache SR.CSTS");
    }

    /** The FLASHCALW interrupt (FRDY): the next step of a write or erase, or its end. */
    public void handleInterrupt() {
        registers.modify(FCR, FCR_FRDY, 0);
        if (isError()) {
            State attempted = currentState;
            currentState = State.Ready;
            if (client != null) {
                switch (attempted) {
                    case Read -> client.readComplete(takeBuffer(), Result.err(FlashError.FlashError));
                    case WriteUnlocking, WriteErasing, WriteWriting ->
                        client.writeComplete(takeBuffer(), Result.err(FlashError.FlashError));
                    case EraseUnlocking, EraseErasing -> client.eraseComplete(Result.err(FlashError.FlashError));
                    default -> {
                    }
                }
            }
        }
        switch (currentState) {
            case Read -> {
                currentState = State.Ready;
                if (client != null) {
                    client.readComplete(takeBuffer(), Result.ok());
                }
            }
            case WriteUnlocking -> {
                currentState = State.WriteErasing;
                flashcalwErasePage(statePage);
            }
            case WriteErasing -> {
                // Clearing the page buffer raises no interrupt; the write page command that follows does.
                clearPageBuffer();
                writeToPageBuffer(statePage * PAGE_SIZE);
                currentState = State.WriteWriting;
                flashcalwWritePage(statePage);
            }
            case WriteWriting -> {
                invalidateCache();
                currentState = State.Ready;
                if (client != null) {
                    client.writeComplete(takeBuffer(), Result.ok());
                }
            }
            case EraseUnlocking -> {
                currentState = State.EraseErasing;
                flashcalwErasePage(statePage);
            }
            case EraseErasing -> {
                invalidateCache();
                currentState = State.Ready;
                if (client != null) {
                    client.eraseComplete(Result.ok());
                }
            }
            default -> currentState = State.Ready;
        }
    }

    private byte[] takeBuffer() {
        byte[] b = buffer;
        buffer = null;
        return b;
    }

    private int getFlashSize() {
        int[] sizes = {4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 2048};
        return sizes[registers.read(FPR) & 0xF] << 10;
    }

    public void setWaitState(int waitState) {
        registers.modify(FCR, FCR_FWS, waitState != 0 ? FCR_FWS : 0);
    }

    private void enableWs1ReadOpt(boolean enable) {
        registers.modify(FCR, FCR_WS1OPT, enable ? FCR_WS1OPT : 0);
    }

    private void setFlashWaitstateAndReadmode(int cpuFrequency) {
        setWaitState(cpuFrequency > FREQ_PS2_FWS_0_MAX_FREQ ? 1 : 0);
        issueCommand(CMD_HSEN, -1);
    }

    /** One wait state and high-speed mode, for 48 MHz in PS2. */
    public void enableHighSpeedFlash() {
        registers.modify(FCR, FCR_FWS, FCR_FWS);
        registers.modify(FCMD, 0xFF00_003F, FCMD_KEY << 24 | CMD_HSEN);
        spin.until(() -> (registers.read(FSR) & FSR_FRDY) != 0, "FLASHCALW FSR.FRDY");
    }

    private boolean isError() {
        pm.enableClock(Clock.Pbb.FLASHCALW);
        boolean locke = (registers.read(FSR) & FSR_LOCKE) != 0;
        boolean proge = (registers.read(FSR) & FSR_PROGE) != 0;
        return locke | proge;
    }

    private void issueCommand(int command, int pageNumber) {
        pm.enableClock(Clock.Pbb.FLASHCALW);
        boolean waits = command == CMD_QPRUP || command == CMD_QPR || command == CMD_CPB || command == CMD_HSEN;
        if (!waits) {
            registers.modify(FCR, FCR_FRDY, FCR_FRDY);
        }
        int cmd = FCMD_KEY << 24 | command;
        if (pageNumber >= 0) {
            cmd |= (pageNumber & 0xFFFF) << FCMD_PAGEN_SHIFT;
        }
        registers.write(FCMD, cmd);
        if (waits) {
            spin.until(() -> (registers.read(FSR) & FSR_FRDY) != 0, "FLASHCALW FSR.FRDY");
        }
    }

    private void lockPageRegion(int pageNumber, boolean lock) {
        issueCommand(lock ? CMD_LP : CMD_UP, pageNumber);
    }

    private void clearPageBuffer() {
        issueCommand(CMD_CPB, -1);
    }

    private void flashcalwErasePage(int pageNumber) {
        issueCommand(CMD_EP, pageNumber);
    }

    private void flashcalwWritePage(int pageNumber) {
        issueCommand(CMD_WP, pageNumber);
    }

    /**
     * Fills the page buffer by storing the page into the flash address space, a doubleword at a time,
     * each preceded by an all-ones doubleword (errata 45.1.7), in word stores.
     */
    private void writeToPageBuffer(int pageBufferAddress) {
        byte[] data = buffer;
        if (data == null) {
            return;
        }
        int address = Sam4lMemoryMap.FLASH_START + pageBufferAddress;
        for (int offset = 0; offset < PAGE_SIZE; offset += 8) {
            cpu.write32(address + offset, -1);
            cpu.write32(address + offset + 4, -1);
            cpu.write32(address + offset, word(data, offset));
            cpu.write32(address + offset + 4, word(data, offset + 4));
        }
    }

    private static int word(byte[] data, int i) {
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
    }

    /** Sets the controller up (clocks, interrupts off, wait states, high speed, PicoCache). */
    public void configure() {
        pm.enableClock(Clock.Hsb.FLASHCALW);
        pm.enableClock(Clock.Hsb.FLASHCALWP);
        pm.enableClock(Clock.Pbb.FLASHCALW);
        registers.modify(FCR, FCR_FRDY | FCR_LOCKE | FCR_PROGE | FCR_ECCE, 0);
        enableWs1ReadOpt(true);
        setFlashWaitstateAndReadmode(48_000_000);
        enablePicocache(true);
        currentState = State.Ready;
    }

    private Result<Void, RejectedPage> readRange(int address, int size, byte[] page) {
        if (currentState == State.Unconfigured) {
            configure();
        }
        pm.enableClock(Clock.Hsb.FLASHCALW);
        if (page.length < size) {
            return Result.err(new RejectedPage(ErrorCode.SIZE, page));
        }
        long end = Integer.toUnsignedLong(address) + size;
        if (address < 0 || end > getFlashSize()) {
            return Result.err(new RejectedPage(ErrorCode.INVAL, page));
        }
        if (currentState != State.Ready) {
            return Result.err(new RejectedPage(ErrorCode.BUSY, page));
        }
        registers.bus().read(Sam4lMemoryMap.FLASH_START + address, page, 0, size);
        currentState = State.Read;
        buffer = page;
        // The read is synchronous, but the client hears from a deferred call, as after an interrupt.
        deferredCall().set();
        return Result.ok();
    }

    private DeferredCall deferredCall() {
        if (deferredCall == null) {
            throw new IllegalStateException("the FLASHCALW driver has no deferred call: call "
                    + "Sam4lDefaultPeripherals.setupCircularDeps(deferredCalls) at boot");
        }
        return deferredCall;
    }

    // ---- DeferredCallClient ----

    @Override
    public void handleDeferredCall() {
        handleInterrupt();
    }

    @Override
    public void register() {
        deferredCall().register(this);
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
        if (pageNumber < 0) {
            return Result.err(new RejectedPage(ErrorCode.INVAL, page));
        }
        return readRange(pageNumber * PAGE_SIZE, PAGE_SIZE, page);
    }

    private boolean inFlash(int pageNumber) {
        return pageNumber >= 0 && (long) pageNumber * PAGE_SIZE < getFlashSize();
    }

    @Override
    public Result<Void, RejectedPage> writePage(int pageNumber, byte[] page) {
        pm.enableClock(Clock.Hsb.FLASHCALW);
        if (page.length < PAGE_SIZE) {
            return Result.err(new RejectedPage(ErrorCode.SIZE, page));
        }
        if (!inFlash(pageNumber)) {
            return Result.err(new RejectedPage(ErrorCode.INVAL, page));
        }
        if (currentState == State.Unconfigured) {
            configure();
        } else if (currentState != State.Ready) {
            return Result.err(new RejectedPage(ErrorCode.BUSY, page));
        }
        buffer = page;
        statePage = pageNumber;
        currentState = State.WriteUnlocking;
        lockPageRegion(pageNumber, false);
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> erasePage(int pageNumber) {
        pm.enableClock(Clock.Hsb.FLASHCALW);
        if (!inFlash(pageNumber)) {
            return Result.err(ErrorCode.INVAL);
        }
        if (currentState == State.Unconfigured) {
            configure();
        } else if (currentState != State.Ready) {
            return Result.err(ErrorCode.BUSY);
        }
        statePage = pageNumber;
        currentState = State.EraseUnlocking;
        lockPageRegion(pageNumber, false);
        return Result.ok();
    }
}
