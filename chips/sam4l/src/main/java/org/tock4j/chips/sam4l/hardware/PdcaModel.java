package org.tock4j.chips.sam4l.hardware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

import org.tock4j.chips.emulator.BusFault;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.InterruptLine;

/**
 * PDCA, the SAM4L Peripheral DMA Controller (datasheet chapter 16), as silicon: 16 channels, each moving
 * data between RAM and the peripheral its PSR names, on that peripheral's request.
 *
 * <ul>
 *   <li>Per channel: MAR (memory address), PSR (peripheral identifier), TCR (transfers left, 16 bits), MARR
 *       and TCRR (reload values), CR (TEN, TDIS, ECLR), MR (SIZE byte/halfword/word), SR.TEN, IER/IDR/IMR,
 *       ISR.</li>
 *   <li>When TCR is 0 and TCRR is not, MAR and TCR are loaded from MARR and TCRR and TCRR becomes 0 (at once
 *       when TCRR is written, as Tock's driver relies on, and whenever a transfer empties TCR).</li>
 *   <li>A peripheral asks for data ({@link #transmit}) or hands data over ({@link #receive}); the first
 *       enabled channel with that peripheral's PSR and a non-zero TCR serves it at once, through the bus,
 *       and MAR advances by the transfer size. Peripherals waiting for the PDCA are told when a channel
 *       becomes able to serve them ({@link #addReadyListener}).</li>
 *   <li>ISR: RCZ while TCRR is 0, TRC while TCR and TCRR are both 0, TERR after a bus error (which disables
 *       the channel; ECLR clears it). Channel n's interrupt line (PDCA n) is high while ISR &amp; IMR is not
 *       0.</li>
 *   <li>The PDCA needs both its HSB and PBB clocks: while either is masked, no transfer happens and no
 *       interrupt is requested.</li>
 * </ul>
 *
 * <p>Transfers take no bus time: the HSB arbitration and the few cycles a transfer takes are not modelled.
 * Ring mode (MR.RING) and event triggers (MR.ETRIG) are stored only.
 */
public final class PdcaModel {
    public static final int BASE = 0x400A_2000;
    public static final int CHANNELS = 16;
    public static final int CHANNEL_SIZE = 0x40;

    public static final int MAR = 0x00;
    public static final int PSR = 0x04;
    public static final int TCR = 0x08;
    public static final int MARR = 0x0C;
    public static final int TCRR = 0x10;
    public static final int CR = 0x14;
    public static final int MR = 0x18;
    public static final int SR = 0x1C;
    public static final int IER = 0x20;
    public static final int IDR = 0x24;
    public static final int IMR = 0x28;
    public static final int ISR = 0x2C;
    public static final int PCONTROL = 0x800;
    public static final int VERSION = 0x834;

    public static final int CR_TEN = 1;
    public static final int CR_TDIS = 1 << 1;
    public static final int CR_ECLR = 1 << 8;
    public static final int MR_SIZE_MASK = 0b11;
    public static final int MR_ETRIG = 1 << 2;
    public static final int MR_RING = 1 << 3;
    public static final int INT_RCZ = 1;
    public static final int INT_TRC = 1 << 1;
    public static final int INT_TERR = 1 << 2;
    public static final int TCV_MASK = 0xFFFF;

    // Peripheral identifiers (PSR), as Tock's DMAPeripheral numbers them.
    public static final int PID_USART0_RX = 0;
    public static final int PID_SPI_RX = 4;
    public static final int PID_TWIM0_RX = 5;
    public static final int PID_TWIM1_RX = 6;
    public static final int PID_TWIM2_RX = 7;
    public static final int PID_TWIM3_RX = 8;
    public static final int PID_ADCIFE_RX = 11;
    public static final int PID_USART0_TX = 18;
    public static final int PID_SPI_TX = 22;
    public static final int PID_TWIM0_TX = 23;
    public static final int PID_TWIM1_TX = 24;
    public static final int PID_TWIM2_TX = 25;
    public static final int PID_TWIM3_TX = 26;

    private final MemoryBus bus;
    private final PeripheralClock gate;
    private final RegisterBank bank;
    private final Channel[] channels = new Channel[CHANNELS];
    private final Map<Integer, List<Runnable>> readyListeners = new HashMap<>();

    private final class Channel {
        final int number;
        final InterruptLine irq;
        final Register mar;
        final Register psr;
        final Register tcr;
        final Register marr;
        final Register tcrr;
        final Register mr;
        final Register imr;
        boolean enabled;
        boolean terr;

        Channel(int n, InterruptLine irq) {
            this.number = n;
            this.irq = irq;
            int b = n * CHANNEL_SIZE;
            mar = bank.storage("MAR" + n, b + MAR, 0, this::changed);
            psr = bank.storage("PSR" + n, b + PSR, 0, 0xFF, this::changed);
            tcr = bank.storage("TCR" + n, b + TCR, 0, TCV_MASK, this::changed);
            marr = bank.storage("MARR" + n, b + MARR, 0, this::changed);
            tcrr = bank.storage("TCRR" + n, b + TCRR, 0, TCV_MASK, this::changed);
            bank.writeOnly("CR" + n, b + CR, this::control);
            mr = bank.storage("MR" + n, b + MR, 0, MR_SIZE_MASK | MR_ETRIG | MR_RING, this::modeWritten);
            bank.readOnly("SR" + n, b + SR, () -> enabled ? 1 : 0);
            imr = bank.internal("IMR" + n + " state", 0);
            bank.writeOnly("IER" + n, b + IER, v -> { imr.setBits(v & 0b111); updateInterrupt(); });
            bank.writeOnly("IDR" + n, b + IDR, v -> { imr.clearBits(v); updateInterrupt(); });
            bank.readOnly("IMR" + n, b + IMR, imr::value);
            bank.readOnly("ISR" + n, b + ISR, this::isr);
        }

        int isr() {
            int v = 0;
            if (tcrr.value() == 0) {
                v |= INT_RCZ;
                if (tcr.value() == 0) {
                    v |= INT_TRC;
                }
            }
            return v | (terr ? INT_TERR : 0);
        }

        int size() {
            return switch (mr.value() & MR_SIZE_MASK) {
                case 0 -> 1;
                case 1 -> 2;
                default -> 4;
            };
        }

        boolean canServe(int pid) {
            return enabled && !terr && psr.value() == pid && tcr.value() != 0;
        }

        void control(int v) {
            if ((v & CR_ECLR) != 0) {
                terr = false;
            }
            if ((v & CR_TDIS) != 0) {
                enabled = false;
            } else if ((v & CR_TEN) != 0) {
                enabled = true;
            }
            changed();
        }

        void modeWritten() {
            if ((mr.value() & (MR_ETRIG | MR_RING)) != 0) {
                bank.warn("MR" + number + ": ring mode and event triggers are stored, not modelled");
            }
            if ((mr.value() & MR_SIZE_MASK) == 3) {
                bank.warn("MR" + number + ".SIZE = 3 is reserved; transfers words");
            }
        }

        void reload() {
            if (tcr.value() == 0 && tcrr.value() != 0) {
                mar.set(marr.value());
                tcr.set(tcrr.value());
                tcrr.set(0);
            }
        }

        /** After any register write: reload, interrupt, and wake the peripheral if it can be served now. */
        void changed() {
            reload();
            updateInterrupt();
            if (enabled && tcr.value() != 0) {
                notifyReady(psr.value());
            }
        }

        void transferred() {
            mar.set(mar.value() + size());
            tcr.set((tcr.value() - 1) & TCV_MASK);
            reload();
            updateInterrupt();
        }

        void fault(BusFault fault) {
            terr = true;
            enabled = false;
            bank.warn("channel " + number + ": transfer error (" + fault.getMessage() + "); channel disabled");
            updateInterrupt();
        }

        void updateInterrupt() {
            irq.setLevel(gate.running() && (isr() & imr.value()) != 0);
        }
    }

    /** @param irqs the interrupt line of each channel (PDCA0..PDCA15) */
    public PdcaModel(MemoryBus bus, PeripheralClock gate, IntFunction<InterruptLine> irqs) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.gate = Objects.requireNonNull(gate, "gate");
        bank = new RegisterBank("PDCA", BASE, 0, 0x1000);
        for (int n = 0; n < CHANNELS; n++) {
            channels[n] = new Channel(n, irqs.apply(n));
        }
        bank.unmodelled("PCONTROL", PCONTROL, 0);
        bank.constant("VERSION", VERSION, 0x124);
        gate.addListener(running -> {
            for (Channel c : channels) {
                if (running) {
                    c.changed();
                } else {
                    c.updateInterrupt();
                }
            }
        });
    }

    public RegisterBank registers() {
        return bank;
    }

    /** Tells {@code listener} whenever a channel becomes able to serve peripheral {@code pid}. */
    public void addReadyListener(int pid, Runnable listener) {
        readyListeners.computeIfAbsent(pid, k -> new ArrayList<>()).add(Objects.requireNonNull(listener));
    }

    /** Whether a channel would serve {@code pid} now. */
    public boolean canServe(int pid) {
        return serving(pid) != null;
    }

    /**
     * A peripheral's request for the next datum to send: read from RAM by the serving channel; -1 if no
     * channel serves {@code pid} now (the peripheral waits for {@link #addReadyListener its listener}).
     */
    public int transmit(int pid) {
        Channel c = serving(pid);
        if (c == null) {
            return -1;
        }
        int address = c.mar.value();
        int value;
        try {
            value = switch (c.size()) {
                case 1 -> bus.read8(address) & 0xFF;
                case 2 -> (bus.read8(address) & 0xFF) | (bus.read8(address + 1) & 0xFF) << 8;
                default -> bus.read32(address);
            };
        } catch (BusFault fault) {
            c.fault(fault);
            return -1;
        }
        c.transferred();
        return value;
    }

    /**
     * A peripheral hands over a received datum: written to RAM by the serving channel; false if no channel
     * serves {@code pid} now (the peripheral keeps it).
     */
    public boolean receive(int pid, int value) {
        Channel c = serving(pid);
        if (c == null) {
            return false;
        }
        int address = c.mar.value();
        try {
            switch (c.size()) {
                case 1 -> bus.write8(address, (byte) value);
                case 2 -> {
                    bus.write8(address, (byte) value);
                    bus.write8(address + 1, (byte) (value >>> 8));
                }
                default -> bus.write32(address, value);
            }
        } catch (BusFault fault) {
            c.fault(fault);
            return false;
        }
        c.transferred();
        return true;
    }

    private Channel serving(int pid) {
        if (!gate.running()) {
            return null;
        }
        for (Channel c : channels) {
            if (c.canServe(pid)) {
                return c;
            }
        }
        return null;
    }

    private void notifyReady(int pid) {
        if (!gate.running()) {
            return;
        }
        List<Runnable> listeners = readyListeners.get(pid);
        if (listeners != null) {
            for (Runnable l : List.copyOf(listeners)) {
                l.run();
            }
        }
    }

    /** Transfers left on channel {@code n} (TCR). */
    public int transferCount(int n) {
        return channels[n].tcr.value();
    }
}
