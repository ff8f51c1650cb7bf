package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.hardware.ClockPowerModel.*;

import java.util.Objects;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The nRF52 CLOCK: starting and stopping the high-frequency crystal (HFXO) and the low-frequency clock, and
 * reading their state.
 *
 * <pre>{@code
 * Clock clock = chip.clockPeripheral();
 * clock.lowSetSource(Clock.LowClockSource.XTAL);
 * clock.lowStart();
 * clock.highStart();
 * clock.awaitLowStarted();     // Tock's boards: while !clock.low_started() {}
 * clock.awaitHighStarted();
 * }</pre>
 *
 * <p>Tock counterpart: {@code nrf52::clock::Clock}. Tock's {@code interrupt_disable} writes INTENSET (so it
 * enables); this one writes INTENCLR. {@link #awaitLowStarted()} and {@link #awaitHighStarted()} are the
 * spin loops Tock's boards write around {@code low_started()} and {@code high_started()}, burning core
 * cycles.
 */
public final class Clock {

    /** CLOCK interrupt sources (INTENSET bits). Tock counterpart: {@code InterruptField}. */
    public enum InterruptField {
        HFCLKSTARTED(INT_HFCLKSTARTED),
        LFCLKSTARTED(INT_LFCLKSTARTED),
        DONE(INT_DONE),
        CTTO(INT_CTTO);

        private final int bit;

        InterruptField(int bit) {
            this.bit = bit;
        }
    }

    /** Low-frequency clock sources. Tock counterpart: {@code LowClockSource}. */
    public enum LowClockSource {
        RC,
        XTAL,
        SYNTH
    }

    /** High-frequency clock sources. Tock counterpart: {@code HighClockSource}. */
    public enum HighClockSource {
        RC,
        XTAL
    }

    private final MmioRegisters regs;
    private final CortexM4 core;
    private ClockClient client;

    /** The CLOCK at {@code base} (0x40000000); {@code core} runs the busy-waits. */
    public Clock(PhysicalMemory bus, int base, CortexM4 core) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
        this.core = Objects.requireNonNull(core, "core");
    }

    public void setClient(ClockClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public void interruptEnable(InterruptField interrupt) {
        regs.write(INTENSET, interrupt.bit);
    }

    public void interruptDisable(InterruptField interrupt) {
        regs.write(INTENCLR, interrupt.bit);
    }

    /**
     * The CLOCK's share of the POWER_CLOCK interrupt: clears each CLOCK event whose interrupt is enabled and
     * tells the client. (Tock has no CLOCK handler: it never enables CLOCK interrupts.)
     */
    public void handleInterrupt() {
        int enabled = regs.read(INTENSET);
        boolean any = false;
        for (int[] event : new int[][] {{EVENTS_HFCLKSTARTED, INT_HFCLKSTARTED},
                {EVENTS_LFCLKSTARTED, INT_LFCLKSTARTED}, {EVENTS_DONE, INT_DONE}, {EVENTS_CTTO, INT_CTTO}}) {
            if ((enabled & event[1]) != 0 && regs.read(event[0]) != 0) {
                regs.write(event[0], 0);
                any = true;
            }
        }
        if (any && client != null) {
            client.event();
        }
    }

    // ---- HFCLK ----

    /** Starts the HFXO and makes it the HFCLK source. */
    public void highStart() {
        regs.write(TASKS_HFCLKSTART, 1);
    }

    public void highStop() {
        regs.write(TASKS_HFCLKSTOP, 1);
    }

    /** Whether HFCLKSTARTED has happened (and was not cleared). */
    public boolean highStarted() {
        return regs.read(EVENTS_HFCLKSTARTED) == 1;
    }

    public HighClockSource highSource() {
        return (regs.read(HFCLKSTAT) & 1) == HFCLK_SRC_RC ? HighClockSource.RC : HighClockSource.XTAL;
    }

    public boolean highRunning() {
        return (regs.read(HFCLKSTAT) & STAT_RUNNING) != 0;
    }

    /** Spins until {@link #highStarted()}: the HFXO start-up time passes. */
    public void awaitHighStarted() {
        BusyWait.until(core, this::highStarted, "HFCLKSTARTED");
    }

    // ---- LFCLK ----

    public void lowStart() {
        regs.write(TASKS_LFCLKSTART, 1);
    }

    public void lowStop() {
        regs.write(TASKS_LFCLKSTOP, 1);
    }

    /** Whether LFCLKSTARTED has happened (and was not cleared). */
    public boolean lowStarted() {
        return regs.read(EVENTS_LFCLKSTARTED) == 1;
    }

    public LowClockSource lowSource() {
        return switch (regs.read(LFCLKSTAT) & 0b11) {
            case LFCLK_SRC_XTAL -> LowClockSource.XTAL;
            case LFCLK_SRC_SYNTH -> LowClockSource.SYNTH;
            default -> LowClockSource.RC;
        };
    }

    public boolean lowRunning() {
        return (regs.read(LFCLKSTAT) & STAT_RUNNING) != 0;
    }

    /** Selects the LFCLK source for the next {@link #lowStart()}; the CLOCK takes it only while stopped. */
    public void lowSetSource(LowClockSource source) {
        regs.write(LFCLKSRC, switch (source) {
            case RC -> LFCLK_SRC_RC;
            case XTAL -> LFCLK_SRC_XTAL;
            case SYNTH -> LFCLK_SRC_SYNTH;
        });
    }

    /** Spins until {@link #lowStarted()}: the LFCLK source's start-up time passes. */
    public void awaitLowStarted() {
        BusyWait.until(core, this::lowStarted, "LFCLKSTARTED");
    }
}
