package org.tock4j.chips.nrf52.hardware;

import java.util.List;
import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * GPIOTE, the nRF52's GPIO tasks and events (product specification 6.10), as silicon: eight channels, each
 * bound to one pin of either port, and the PORT event from the ports' DETECT signals.
 *
 * <ul>
 *   <li>CONFIG[n].MODE Event: the channel watches pin PSEL of port PORT; an edge of the pin's input signal
 *       (its level while the input buffer is connected) matching POLARITY (LoToHi, HiToLo, Toggle) raises
 *       IN[n].</li>
 *   <li>CONFIG[n].MODE Task: the channel drives the pin, starting at OUTINIT; OUT[n] acts as POLARITY says
 *       (set, clear, toggle), SET[n] drives high and CLR[n] low. Leaving Task mode gives the pin back to the
 *       GPIO registers.</li>
 *   <li>PORT is raised on a rising edge of the ports' DETECT signals (ORed over P0 and P1).</li>
 *   <li>The interrupt line is high while IN[n] or PORT is set with its INTEN bit (IN[n] bit n, PORT bit 31)
 *       set.</li>
 * </ul>
 *
 * <p>Simplification: event latency is zero (the datasheet's few-cycle synchronisation is not modelled).
 */
public final class GpioteModel {
    public static final int TASKS_OUT = 0x000;
    public static final int TASKS_SET = 0x030;
    public static final int TASKS_CLR = 0x060;
    public static final int EVENTS_IN = 0x100;
    public static final int EVENTS_PORT = 0x17C;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int CONFIG = 0x510;

    public static final int CHANNELS = 8;
    public static final int INT_PORT = 1 << 31;
    public static final int CONFIG_MODE_MASK = 0b11;
    public static final int MODE_DISABLED = 0;
    public static final int MODE_EVENT = 1;
    public static final int MODE_TASK = 3;
    public static final int CONFIG_PSEL_SHIFT = 8;
    /** PSEL (bits 8–12) and PORT (bit 13) together: the pin number 0..47 as Tock writes it. */
    public static final int CONFIG_PIN_MASK = 0x3F << CONFIG_PSEL_SHIFT;
    public static final int CONFIG_POLARITY_SHIFT = 16;
    public static final int CONFIG_POLARITY_MASK = 0b11 << CONFIG_POLARITY_SHIFT;
    public static final int POLARITY_NONE = 0;
    public static final int POLARITY_LO_TO_HI = 1;
    public static final int POLARITY_HI_TO_LO = 2;
    public static final int POLARITY_TOGGLE = 3;
    public static final int CONFIG_OUTINIT_HIGH = 1 << 20;
    private static final int CONFIG_WRITABLE = CONFIG_MODE_MASK | CONFIG_PIN_MASK | CONFIG_POLARITY_MASK
            | CONFIG_OUTINIT_HIGH;

    private final InterruptLine irq;
    private final List<GpioPortModel> ports;
    private final RegisterBank bank;
    private final Register[] eventsIn = new Register[CHANNELS];
    private final Register eventsPort;
    private final Register inten;
    private final Register[] config = new Register[CHANNELS];
    private boolean detect;

    /** GPIOTE over {@code ports} (P0, P1), whose pins are numbered 32 × port + pin. */
    public GpioteModel(int baseAddress, InterruptLine irq, List<GpioPortModel> ports) {
        this.irq = Objects.requireNonNull(irq, "irq");
        this.ports = List.copyOf(ports);
        bank = new RegisterBank("GPIOTE", baseAddress);
        for (int n = 0; n < CHANNELS; n++) {
            int channel = n;
            bank.task("TASKS_OUT[" + n + "]", TASKS_OUT + 4 * n, () -> taskOut(channel));
            bank.task("TASKS_SET[" + n + "]", TASKS_SET + 4 * n, () -> drive(channel, true, "SET"));
            bank.task("TASKS_CLR[" + n + "]", TASKS_CLR + 4 * n, () -> drive(channel, false, "CLR"));
            eventsIn[n] = bank.event("EVENTS_IN[" + n + "]", EVENTS_IN + 4 * n, this::updateInterrupt);
        }
        eventsPort = bank.event("EVENTS_PORT", EVENTS_PORT, this::updateInterrupt);
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & (INT_PORT | (1 << CHANNELS) - 1));
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::updateInterrupt);
        for (int n = 0; n < CHANNELS; n++) {
            int channel = n;
            config[n] = bank.custom("CONFIG[" + n + "]", CONFIG + 4 * n, 0, null, v -> writeConfig(channel, v));
        }
        for (GpioPortModel port : this.ports) {
            port.addInputListener(this::inputChanged);
            port.addDetectListener((p, level) -> detectChanged());
        }
    }

    public RegisterBank registers() {
        return bank;
    }

    private static int mode(int cnf) {
        return cnf & CONFIG_MODE_MASK;
    }

    private static int pinOf(int cnf) {
        return (cnf & CONFIG_PIN_MASK) >>> CONFIG_PSEL_SHIFT;
    }

    private static int polarity(int cnf) {
        return (cnf & CONFIG_POLARITY_MASK) >>> CONFIG_POLARITY_SHIFT;
    }

    /** The port model and pin index of pin number {@code pin} (32 × port + pin), or null if there is none. */
    private GpioPortModel portOf(int pin) {
        int port = pin / 32;
        if (port >= ports.size() || pin % 32 >= ports.get(port).pinCount()) {
            return null;
        }
        return ports.get(port);
    }

    private void writeConfig(int channel, int value) {
        int old = config[channel].value();
        int v = value & CONFIG_WRITABLE;
        if (mode(v) == 2) {
            bank.warn("CONFIG[" + channel + "].MODE = 2 is reserved; treated as disabled");
        }
        if (mode(v) != MODE_DISABLED && portOf(pinOf(v)) == null) {
            bank.warn("CONFIG[" + channel + "] selects pin " + pinOf(v) + ", which this chip lacks; disabled");
            v &= ~CONFIG_MODE_MASK;
        }
        if (mode(old) == MODE_TASK) {
            portOf(pinOf(old)).setTaskOutput(pinOf(old) % 32, null);
        }
        config[channel].set(v);
        if (mode(v) == MODE_TASK) {
            for (int n = 0; n < CHANNELS; n++) {
                int other = config[n].value();
                if (n != channel && mode(other) != MODE_DISABLED && pinOf(other) == pinOf(v)) {
                    bank.warn("CONFIG[" + channel + "] and CONFIG[" + n + "] both use pin " + pinOf(v));
                }
            }
            portOf(pinOf(v)).setTaskOutput(pinOf(v) % 32, (v & CONFIG_OUTINIT_HIGH) != 0);
        }
    }

    // ---- Task mode ----

    private void taskOut(int channel) {
        int cnf = config[channel].value();
        if (mode(cnf) != MODE_TASK) {
            bank.warn("TASKS_OUT[" + channel + "] on a channel not in Task mode; ignored");
            return;
        }
        GpioPortModel port = portOf(pinOf(cnf));
        int pin = pinOf(cnf) % 32;
        boolean current = Boolean.TRUE.equals(port.taskOutput(pin));
        switch (polarity(cnf)) {
            case POLARITY_LO_TO_HI -> port.setTaskOutput(pin, true);
            case POLARITY_HI_TO_LO -> port.setTaskOutput(pin, false);
            case POLARITY_TOGGLE -> port.setTaskOutput(pin, !current);
            default -> { }
        }
    }

    private void drive(int channel, boolean high, String task) {
        int cnf = config[channel].value();
        if (mode(cnf) != MODE_TASK) {
            bank.warn("TASKS_" + task + "[" + channel + "] on a channel not in Task mode; ignored");
            return;
        }
        portOf(pinOf(cnf)).setTaskOutput(pinOf(cnf) % 32, high);
    }

    // ---- Event mode ----

    private void inputChanged(GpioPortModel port, int pin, boolean level) {
        int number = 32 * ports.indexOf(port) + pin;
        boolean raised = false;
        for (int n = 0; n < CHANNELS; n++) {
            int cnf = config[n].value();
            if (mode(cnf) != MODE_EVENT || pinOf(cnf) != number) {
                continue;
            }
            int polarity = polarity(cnf);
            if (polarity == POLARITY_TOGGLE || (polarity == POLARITY_LO_TO_HI && level)
                    || (polarity == POLARITY_HI_TO_LO && !level)) {
                eventsIn[n].set(1);
                raised = true;
            }
        }
        if (raised) {
            updateInterrupt();
        }
    }

    private void detectChanged() {
        boolean now = false;
        for (GpioPortModel port : ports) {
            now |= port.detect();
        }
        if (now && !detect) {
            eventsPort.set(1);
            updateInterrupt();
        }
        detect = now;
    }

    private void updateInterrupt() {
        int events = eventsPort.isSet() ? INT_PORT : 0;
        for (int n = 0; n < CHANNELS; n++) {
            if (eventsIn[n].isSet()) {
                events |= 1 << n;
            }
        }
        irq.setLevel((events & inten.value()) != 0);
    }

    /** Back to the reset state: every channel disabled, task pins given back. */
    public void reset() {
        for (int n = 0; n < CHANNELS; n++) {
            int cnf = config[n].value();
            if (mode(cnf) == MODE_TASK) {
                portOf(pinOf(cnf)).setTaskOutput(pinOf(cnf) % 32, null);
            }
        }
        bank.reset();
        updateInterrupt();
    }
}
