package org.tock4j.chips.emulator.mmio;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Address space where the real chip has peripherals the emulator does not model: reads return what was last
 * written (or a default), and each peripheral is logged once when first touched. Mapped in the
 * {@linkplain org.tock4j.chips.emulator.MemoryBus#mapBackground background} so modelled peripherals win.
 *
 * <pre>{@code
 * bus.mapBackground(0x4000_0000, 0x3_0000,
 *         new UnmodelledSpace("APB peripherals", address -> NAMES.getOrDefault(address & ~0xFFF, "?"), 0));
 * }</pre>
 *
 * <p>Tock counterpart: none.
 */
public final class UnmodelledSpace implements MmioDevice {
    private static final Logger LOG = System.getLogger(UnmodelledSpace.class.getName());

    private final String name;
    private final IntFunction<String> peripheralAt;
    private final int defaultValue;
    private final Map<Integer, Integer> written = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();

    /**
     * @param peripheralAt names the peripheral at an address (for the log)
     * @param defaultValue what never-written words read as
     */
    public UnmodelledSpace(String name, IntFunction<String> peripheralAt, int defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.peripheralAt = Objects.requireNonNull(peripheralAt, "peripheralAt");
        this.defaultValue = defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read32(int address) {
        note(address);
        return written.getOrDefault(address, defaultValue);
    }

    @Override
    public void write32(int address, int value) {
        note(address);
        written.put(address, value);
    }

    @Override
    public void unsupportedByteWrite(int address) {
        note(address);
    }

    /** The peripherals touched so far, in order. */
    public List<String> touched() {
        return List.copyOf(touched);
    }

    private void note(int address) {
        String peripheral = peripheralAt.apply(address);
        if (touched.add(peripheral)) {
            LOG.log(Level.INFO, "{0} (0x{1}) is not modelled: it only stores what is written", peripheral,
                    Integer.toHexString(address));
        }
    }
}
