package org.tock4j.chips.sam4l.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.tock4j.chips.sam4l.hardware.ClockTree.Bus;

/**
 * The clock one peripheral gets from the PM: running while its mask bit (and its bus bridge) is set, at its
 * bus's frequency. Models ask it whether they may act and are told when it starts or stops.
 *
 * <pre>{@code
 * PeripheralClock usart0 = tree.peripheral("USART0", Bus.PBA, PmModel.PBA_USART0);
 * usart0.addListener(running -> { if (!running) suspend(); else resume(); });
 * long hz = usart0.frequencyHz();     // CLK_PBA, or 0 while masked
 * }</pre>
 */
public final class PeripheralClock {
    private final String name;
    private final ClockTree tree;
    private final Bus bus;
    private final int bit;
    private final Bus secondBus;
    private final int secondBit;
    private final List<Consumer<Boolean>> listeners = new ArrayList<>();
    private boolean lastRunning;

    PeripheralClock(String name, ClockTree tree, Bus bus, int bit) {
        this(name, tree, bus, bit, null, -1);
    }

    PeripheralClock(String name, ClockTree tree, Bus bus, int bit, Bus secondBus, int secondBit) {
        this.name = Objects.requireNonNull(name, "name");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.bit = bit;
        this.secondBus = secondBus;
        this.secondBit = secondBit;
    }

    public String name() {
        return name;
    }

    /** Whether the clock reaches the peripheral now. */
    public boolean running() {
        boolean open = tree.gateOpen(bus, bit) && (secondBus == null || tree.gateOpen(secondBus, secondBit));
        return open && tree.busHz(bus) > 0;
    }

    /** The peripheral's clock frequency (its bus's), 0 while it does not run. */
    public long frequencyHz() {
        return running() ? tree.busHz(bus) : 0;
    }

    /** Tells {@code listener} (with the new state) whenever the clock starts or stops. */
    public void addListener(Consumer<Boolean> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void reevaluate() {
        boolean now = running();
        if (now != lastRunning) {
            lastRunning = now;
            for (Consumer<Boolean> l : List.copyOf(listeners)) {
                l.accept(now);
            }
        }
    }

    @Override
    public String toString() {
        return name + " clock (" + bus + (running() ? ", running)" : ", masked)");
    }
}
