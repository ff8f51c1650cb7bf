package org.tock4j.boards.kit.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tock4j.kernel.platform.SyscallDriverLookup;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The board's drivers by number: Tock's {@code with_driver} match, as a map.
 */
public final class DriverTable implements SyscallDriverLookup {
    private final Map<Integer, SyscallDriver> drivers;

    public DriverTable(Map<Integer, SyscallDriver> drivers) {
        this.drivers = Collections.unmodifiableMap(new TreeMap<>(drivers));
    }

    @Override
    public Optional<SyscallDriver> withDriver(int driverNum) {
        return Optional.ofNullable(drivers.get(driverNum));
    }

    public Map<Integer, SyscallDriver> drivers() {
        return drivers;
    }
}
