package org.tock4j.chips.cortexm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tock4j.chips.emulator.world.ChipFaults;

/**
 * The fault injection of a Cortex-M chip: its interrupt lines by peripheral name, dropped at the NVIC's input
 * ({@link CortexM4#dropNextInterrupt(int)}), and its flash controller's failing page write.
 *
 * <pre>{@code
 * Map<String, Integer> lines = new LinkedHashMap<>();
 * lines.put("UARTE0", 2);
 * lines.put("RTC1", 17);
 * ChipFaults faults = new CortexMFaults("nRF52840", core, lines, nvmcModel::failNextPageWrite);
 * faults.dropNextInterrupt("RTC1");
 * }</pre>
 *
 * <p>Tock counterpart: none (test equipment).
 */
public final class CortexMFaults implements ChipFaults {
    private final String chipName;
    private final CortexM4 core;
    private final Map<String, Integer> interrupts;
    private final Runnable failNextFlashWrite;

    /**
     * @param chipName the chip's name, for error messages
     * @param interrupts peripheral name to interrupt number, in the order {@link #interruptNames()} lists them
     * @param failNextFlashWrite arms the flash controller's failing page write
     */
    public CortexMFaults(String chipName, CortexM4 core, Map<String, Integer> interrupts,
            Runnable failNextFlashWrite) {
        this.chipName = Objects.requireNonNull(chipName, "chipName");
        this.core = Objects.requireNonNull(core, "core");
        this.interrupts = new LinkedHashMap<>(interrupts);
        this.failNextFlashWrite = Objects.requireNonNull(failNextFlashWrite, "failNextFlashWrite");
        for (Map.Entry<String, Integer> e : this.interrupts.entrySet()) {
            Objects.checkIndex(e.getValue(), core.interruptLines());
        }
    }

    @Override
    public List<String> interruptNames() {
        return List.copyOf(interrupts.keySet());
    }

    /** The interrupt number of {@code peripheral}. */
    public int interruptNumber(String peripheral) {
        Integer irq = interrupts.get(peripheral);
        if (irq == null) {
            throw new IllegalArgumentException("the " + chipName + " has no interrupt named '" + peripheral
                    + "' (known: " + String.join(", ", interrupts.keySet()) + ")");
        }
        return irq;
    }

    @Override
    public void dropNextInterrupt(String peripheral) {
        core.dropNextInterrupt(interruptNumber(peripheral));
    }

    @Override
    public int droppedInterrupts(String peripheral) {
        return core.droppedInterrupts(interruptNumber(peripheral));
    }

    @Override
    public void failNextFlashWrite() {
        failNextFlashWrite.run();
    }

    @Override
    public String toString() {
        return "CortexMFaults[" + chipName + "]";
    }
}
