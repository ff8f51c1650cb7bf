package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.hardware.ClockPowerModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The nRF52 POWER peripheral: USB power events for the USB stack, the supply mode, the retained registers
 * GPREGRET, and the reset reason.
 *
 * <pre>{@code
 * Power power = chip.power();
 * power.resetReason();                  // 0 after a power-on reset
 * power.setGpregret(0x57);              // survives a soft reset: tells the bootloader to stay
 * }</pre>
 *
 * <p>Tock counterpart: {@code nrf52::power::Power}; {@link #resetReason()} and {@link #clearResetReason(int)}
 * are additions (RESETREAS, which Tock does not read).
 */
public final class Power {
    private final MmioRegisters regs;
    private PowerClient usbClient;

    /** POWER at {@code base} (0x40000000). */
    public Power(PhysicalMemory bus, int base) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
    }

    public void setUsbClient(PowerClient client) {
        this.usbClient = Objects.requireNonNull(client, "client");
    }

    /**
     * The POWER_CLOCK interrupt: disables every interrupt of the block (CLOCK's too: they share INTEN), tells
     * the USB client of USB events, clears the unused events, and re-enables the USB ones.
     */
    public void handleInterrupt() {
        disableAllInterrupts();
        if (regs.read(EVENTS_USBDETECTED) != 0) {
            regs.write(EVENTS_USBDETECTED, 0);
            notifyUsb(PowerEvent.UsbPluggedIn);
        }
        if (regs.read(EVENTS_USBREMOVED) != 0) {
            regs.write(EVENTS_USBREMOVED, 0);
            notifyUsb(PowerEvent.UsbPluggedOut);
        }
        if (regs.read(EVENTS_USBPWRRDY) != 0) {
            regs.write(EVENTS_USBPWRRDY, 0);
            notifyUsb(PowerEvent.UsbPowerReady);
        }
        regs.write(EVENTS_POFWARN, 0);
        regs.write(EVENTS_SLEEPENTER, 0);
        regs.write(EVENTS_SLEEPEXIT, 0);
        enableInterrupts();
    }

    private void notifyUsb(PowerEvent event) {
        if (usbClient != null) {
            usbClient.handlePowerEvent(event);
        }
    }

    /** Enables the USB power interrupts. */
    public void enableInterrupts() {
        regs.write(INTENSET, INT_USBDETECTED | INT_USBREMOVED | INT_USBPWRRDY);
    }

    public void enableInterrupt(int interrupt) {
        regs.write(INTENSET, interrupt);
    }

    public void clearInterrupt(int interrupt) {
        regs.write(INTENCLR, interrupt);
    }

    public void disableAllInterrupts() {
        regs.write(INTENCLR, 0xFFFF_FFFF);
    }

    public MainVoltage getMainSupplyStatus() {
        return (regs.read(MAINREGSTATUS) & 1) == 0 ? MainVoltage.Normal : MainVoltage.High;
    }

    public boolean isVbusPresent() {
        return (regs.read(USBREGSTATUS) & 1) != 0;
    }

    public boolean isUsbPowerReady() {
        return (regs.read(USBREGSTATUS) & 0b10) != 0;
    }

    /** GPREGRET, kept across a soft reset. */
    public int getGpregret() {
        return regs.read(GPREGRET) & 0xFF;
    }

    public void setGpregret(int value) {
        regs.write(GPREGRET, value & 0xFF);
    }

    /**
     * RESETREAS: the reasons for the resets since it was last cleared (RESETPIN bit 0, DOG 1, SREQ 2, LOCKUP 3,
     * OFF 16, LPCOMP 17, DIF 18, NFC 19, VBUS 20); 0 means a power-on or brown-out reset.
     */
    public int resetReason() {
        return regs.read(RESETREAS);
    }

    /** Clears the RESETREAS bits set in {@code reasons}. */
    public void clearResetReason(int reasons) {
        regs.write(RESETREAS, reasons);
    }
}
