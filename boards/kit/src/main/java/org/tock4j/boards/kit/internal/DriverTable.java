package org.tock4j.boards.kit.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tock4j.kernel.platform.SyscallDriverLookup;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The board's drivers by number: Tock's {@code with_driver} match, as a table. Every system call but yield,
 * memop and exit looks its driver up here, so the lookup is a binary search over the sorted numbers and
 * returns a prepared {@link Optional}: no boxing, no allocation.
 */
public final class DriverTable implements SyscallDriverLookup {
    private final Map<Integer, SyscallDriver> drivers;
    private final int[] numbers;
    private final Optional<SyscallDriver>[] found;

    @SuppressWarnings("unchecked")
    public DriverTable(Map<Integer, SyscallDriver> drivers) {
        this.drivers = Collections.unmodifiableMap(new TreeMap<>(drivers));
        this.numbers = new int[this.drivers.size()];
        this.found = new Optional[this.drivers.size()];
        int i = 0;
        for (Map.Entry<Integer, SyscallDriver> entry : this.drivers.entrySet()) {
            numbers[i] = entry.getKey();
            found[i] = Optional.of(entry.getValue());
            i++;
        }
    }

    @Override
    public Optional<SyscallDriver> withDriver(int driverNum) {
        int index = Arrays.binarySearch(numbers, driverNum);
        return index >= 0 ? found[index] : Optional.empty();
    }

    public Map<Integer, SyscallDriver> drivers() {
        return drivers;
    }
}
