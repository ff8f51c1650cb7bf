package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;
import java.util.function.IntConsumer;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.Pull;

/**
 * One SAM4L GPIO port (datasheet chapter 23), as silicon: 32 pins, each a {@link PinWire} named like
 * {@code PA13}.
 *
 * <ul>
 *   <li>Most registers come as a group of four words: the value (read/write), SET (write 1s to set), CLEAR
 *       (write 1s to clear) and TOGGLE (write 1s to toggle): GPER, PMR0–2, ODER, OVR, PUER, PDER, IER, IMR0,
 *       IMR1, GFER, ODCR0/1, OSRR0, STER, EVER. IFR has only its value (read) and CLEAR.</li>
 *   <li>A pin the GPIO controls (GPER = 1) with its output driver enabled (ODER = 1) drives its wire to OVR;
 *       otherwise the GPIO leaves it to others. PUER/PDER pull it up/down (both: the bus keeper, which holds
 *       nothing here and is warned about). PVR reads every wire's level.</li>
 *   <li>An edge on a pin whose IER bit is set raises its IFR flag when it matches IMR1:IMR0 (00 either edge,
 *       01 rising, 10 falling). Each group of 8 pins has an interrupt line (GPIO0..3 for port A, GPIO4..7 for
 *       B, GPIO8..11 for C), high while one of its pins has IFR &amp; IER set.</li>
 *   <li>Without its PBC clock the port detects no edges, requests no interrupt, and its registers are
 *       inaccessible.</li>
 * </ul>
 *
 * <p>Peripheral functions (GPER = 0, PMR) are stored: the USART, TWIM, SPI and ADC models exchange data with
 * the world through their own links and buses, not through these wires. The glitch filter, drive strength,
 * slew rate, Schmitt trigger and event registers are stored only.
 */
public final class GpioPortModel {
    public static final int BASE = 0x400E_1000;
    public static final int PORT_SIZE = 0x200;

    public static final int GPER = 0x000;
    public static final int PMR0 = 0x010;
    public static final int PMR1 = 0x020;
    public static final int PMR2 = 0x030;
    public static final int ODER = 0x040;
    public static final int OVR = 0x050;
    public static final int PVR = 0x060;
    public static final int PUER = 0x070;
    public static final int PDER = 0x080;
    public static final int IER = 0x090;
    public static final int IMR0 = 0x0A0;
    public static final int IMR1 = 0x0B0;
    public static final int GFER = 0x0C0;
    public static final int IFR = 0x0D0;
    public static final int ODCR0 = 0x100;
    public static final int ODCR1 = 0x110;
    public static final int OSRR0 = 0x130;
    public static final int STER = 0x160;
    public static final int EVER = 0x180;
    public static final int PARAMETER = 0x1F8;
    public static final int VERSION = 0x1FC;

    /** Offsets of the SET, CLEAR and TOGGLE words of a register group. */
    public static final int SET = 0x4;
    public static final int CLEAR = 0x8;
    public static final int TOGGLE = 0xC;

    private final String name;
    private final PeripheralClock gate;
    private final InterruptLine[] irqs;
    private final RegisterBank bank;
    private final PinWire[] wires = new PinWire[32];
    private int gper;
    private int oder;
    private int ovr;
    private int puer;
    private int pder;
    private int ier;
    private int imr0;
    private int imr1;
    private int ifr;

    /**
     * @param letter the port's letter, {@code 'A'}: its wires are named as Tock's {@code Pin} enum names the
     *     pins, {@code PA00} to {@code PA31}
     * @param irqs the port's four interrupt lines, pins 0–7 first
     */
    public GpioPortModel(char letter, int baseAddress, VirtualClock clock, PeripheralClock gate,
            InterruptLine[] irqs) {
        this.name = "GPIO port " + letter;
        Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        if (irqs.length != 4) {
            throw new IllegalArgumentException("a GPIO port has 4 interrupt lines");
        }
        this.irqs = irqs.clone();
        for (int n = 0; n < 32; n++) {
            int pin = n;
            wires[n] = new PinWire(String.format("P%c%02d", letter, n), clock);
            wires[n].addListener((wire, edge) -> edge(pin, edge.level()));
        }
        bank = new RegisterBank("GPIO" + letter, baseAddress, 0, PORT_SIZE);
        group("GPER", GPER, () -> gper, v -> { gper = v; applyAll(); });
        storedGroup("PMR0", PMR0);
        storedGroup("PMR1", PMR1);
        storedGroup("PMR2", PMR2);
        group("ODER", ODER, () -> oder, v -> { oder = v; applyAll(); });
        group("OVR", OVR, () -> ovr, v -> { ovr = v; applyAll(); });
        bank.readOnly("PVR", PVR, this::pvr);
        group("PUER", PUER, () -> puer, v -> { puer = v; applyAll(); });
        group("PDER", PDER, () -> pder, v -> { pder = v; applyAll(); });
        group("IER", IER, () -> ier, v -> { ier = v; updateInterrupts(); });
        group("IMR0", IMR0, () -> imr0, v -> imr0 = v);
        group("IMR1", IMR1, () -> imr1, v -> imr1 = v);
        storedGroup("GFER", GFER);
        bank.readOnly("IFR", IFR, () -> ifr);
        bank.writeOnly("IFRC", IFR + CLEAR, v -> { ifr &= ~v; updateInterrupts(); });
        storedGroup("ODCR0", ODCR0);
        storedGroup("ODCR1", ODCR1);
        storedGroup("OSRR0", OSRR0);
        storedGroup("STER", STER);
        storedGroup("EVER", EVER);
        bank.constant("PARAMETER", PARAMETER, 0xFFFF_FFFF);
        bank.constant("VERSION", VERSION, 0x215);
        gate.addListener(running -> updateInterrupts());
    }

    /** A register group whose value the model uses. */
    private void group(String reg, int offset, java.util.function.IntSupplier get, IntConsumer set) {
        bank.custom(reg, offset, 0, get, set);
        bank.writeOnly(reg + "S", offset + SET, v -> set.accept(get.getAsInt() | v));
        bank.writeOnly(reg + "C", offset + CLEAR, v -> set.accept(get.getAsInt() & ~v));
        bank.writeOnly(reg + "T", offset + TOGGLE, v -> set.accept(get.getAsInt() ^ v));
    }

    /** A register group that only stores (functions the emulator does not model). */
    private void storedGroup(String reg, int offset) {
        int[] value = new int[1];
        group(reg, offset, () -> value[0], v -> value[0] = v);
    }

    public RegisterBank registers() {
        return bank;
    }

    public String name() {
        return name;
    }

    /** The wire of pin {@code n}. */
    public PinWire wire(int n) {
        return wires[Objects.checkIndex(n, 32)];
    }

    private int pvr() {
        int v = 0;
        for (int n = 0; n < 32; n++) {
            if (wires[n].level()) {
                v |= 1 << n;
            }
        }
        return v;
    }

    private void applyAll() {
        for (int n = 0; n < 32; n++) {
            apply(n);
        }
    }

    private void apply(int n) {
        int bit = 1 << n;
        PinWire wire = wires[n];
        boolean up = (puer & bit) != 0;
        boolean down = (pder & bit) != 0;
        if (up && down) {
            bank.warn("pin " + n + ": PUER and PDER both set select the bus keeper, which is not modelled");
        }
        wire.setChipPull(up && !down ? Pull.UP : down && !up ? Pull.DOWN : Pull.NONE);
        if ((gper & bit) != 0 && (oder & bit) != 0) {
            wire.driveFromChip((ovr & bit) != 0);
        } else {
            wire.releaseFromChip();
        }
    }

    private void edge(int n, boolean rising) {
        int bit = 1 << n;
        if (!gate.running() || (ier & bit) == 0) {
            return;
        }
        int mode = ((imr1 & bit) != 0 ? 2 : 0) | ((imr0 & bit) != 0 ? 1 : 0);
        boolean match = switch (mode) {
            case 0 -> true;
            case 1 -> rising;
            case 2 -> !rising;
            default -> {
                bank.warn("pin " + n + ": IMR1:IMR0 = 11 is reserved; no interrupt");
                yield false;
            }
        };
        if (match) {
            ifr |= bit;
            updateInterrupts();
        }
    }

    private void updateInterrupts() {
        int active = gate.running() ? ifr & ier : 0;
        for (int g = 0; g < 4; g++) {
            irqs[g].setLevel(((active >>> (8 * g)) & 0xFF) != 0);
        }
    }
}
