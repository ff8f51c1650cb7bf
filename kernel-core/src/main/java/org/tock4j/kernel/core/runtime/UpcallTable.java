package org.tock4j.kernel.core.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tock4j.userland.Upcall;

/**
 * Where a JVM app's upcall functions "live": each registered {@link Upcall} gets an address in the app's code
 * area in flash, so that subscribe's pointer check is the real one.
 *
 * <pre>
 *   flash: [TBF header │ code area: slot 0 │ slot 1 │ ... ]
 *   address of slot i = code start + 4 * i, with the Thumb bit set (as an ARM function pointer)
 * </pre>
 */
final class UpcallTable {
    private final int codeStart;
    private final int capacity;
    private final Map<Upcall, Integer> addresses = new IdentityHashMap<>();
    private final List<Upcall> bySlot = new ArrayList<>();

    UpcallTable(int codeStart, int codeLength) {
        this.codeStart = codeStart;
        // Slot i's pointer (code start + 4i, Thumb bit set) and the word the kernel checks after it
        // (is_valid_upcall_function_pointer) must lie inside the code area: 4i + 1 + 4 <= codeLength.
        this.capacity = Math.max(0, (codeLength - 1) / 4);
    }

    /** The address of {@code fn}, registering it on first use. */
    int register(Upcall fn) {
        Integer known = addresses.get(fn);
        if (known != null) {
            return known;
        }
        if (bySlot.size() >= capacity) {
            throw new IllegalStateException("the app registered more upcall functions (" + bySlot.size()
                    + ") than its code area holds; register each callback once and reuse its address");
        }
        int address = (codeStart + 4 * bySlot.size()) | 1;
        bySlot.add(fn);
        addresses.put(fn, address);
        return address;
    }

    /** The function at {@code pc}, if one was registered there. */
    Optional<Upcall> lookup(int pc) {
        if ((pc & 1) == 0) {
            return Optional.empty();
        }
        long offset = Integer.toUnsignedLong(pc & ~1) - Integer.toUnsignedLong(codeStart);
        if (offset < 0 || offset % 4 != 0 || offset / 4 >= bySlot.size()) {
            return Optional.empty();
        }
        return Optional.of(bySlot.get((int) (offset / 4)));
    }
}
