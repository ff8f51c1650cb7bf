package org.example.capsules.beeper;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantAllocatorFunction;
import org.tock4j.kernel.grant.GrantEachFunction;
import org.tock4j.kernel.grant.GrantFunction;
import org.tock4j.kernel.grant.GrantKernelData;
import org.tock4j.kernel.grant.GrantRegionAllocator;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * A grant for the beeper's tests, behaving as the kernel's does where the beeper can tell: {@code T} per
 * process, created on first entry; {@code NoSuchApp} for a process that died; {@code OutOfMemory} when a
 * process's grant region is full; a panic on re-entrance. Each process's kernel data is a Mockito mock, so a test
 * verifies the upcalls scheduled for it.
 */
final class TestGrant<T> implements Grant<T> {
    private final GrantType<T> type;
    private final Map<ProcessId, T> data = new LinkedHashMap<>();
    private final Map<ProcessId, GrantKernelData> kernelData = new LinkedHashMap<>();
    private final Set<ProcessId> dead = new HashSet<>();
    private final Set<ProcessId> full = new HashSet<>();
    private boolean entered;

    TestGrant(GrantType<T> type) {
        this.type = type;
    }

    /** The process ends: its id no longer resolves. */
    void kill(ProcessId processId) {
        dead.add(processId);
    }

    /** The process's grant region has no room left for a new grant. */
    void fill(ProcessId processId) {
        full.add(processId);
    }

    boolean isAllocated(ProcessId processId) {
        return data.containsKey(processId);
    }

    T data(ProcessId processId) {
        return data.get(processId);
    }

    /** The kernel data the process's closures saw; verify {@code scheduleUpcall} on it. */
    GrantKernelData kernelData(ProcessId processId) {
        return kernelData.computeIfAbsent(processId, id -> {
            GrantKernelData mock = mock(GrantKernelData.class);
            when(mock.scheduleUpcall(anyInt(), anyInt(), anyInt(), anyInt())).thenReturn(Result.ok());
            return mock;
        });
    }

    @Override
    public int driverNum() {
        return Beeper.DRIVER_NUM;
    }

    @Override
    public int grantNum() {
        return 0;
    }

    @Override
    public <R> Result<R, ProcessError> enter(ProcessId processId, GrantFunction<T, R> fun) {
        if (dead.contains(processId)) {
            return Result.err(ProcessError.NoSuchApp);
        }
        if (!data.containsKey(processId)) {
            if (full.contains(processId)) {
                return Result.err(ProcessError.OutOfMemory);
            }
            data.put(processId, type.defaultValue().get());
        }
        if (entered) {
            throw new KernelPanic("Attempted to re-enter a grant region.");
        }
        entered = true;
        try {
            return Result.ok(fun.apply(data.get(processId), kernelData(processId)));
        } finally {
            entered = false;
        }
    }

    @Override
    public <R> Result<R, ProcessError> enterWithAllocator(ProcessId processId, GrantAllocatorFunction<T, R> fun) {
        GrantRegionAllocator noRoom = mock(GrantRegionAllocator.class);
        return enter(processId, (t, kernel) -> fun.apply(t, kernel, noRoom));
    }

    @Override
    public void each(GrantEachFunction<T> fun) {
        for (ProcessId processId : List.copyOf(data.keySet())) {
            enter(processId, (t, kernel) -> {
                fun.apply(processId, t, kernel);
                return null;
            });
        }
    }

    @Override
    public Iterable<ProcessGrant<T>> iter() {
        List<ProcessGrant<T>> grants = new ArrayList<>();
        for (ProcessId processId : data.keySet()) {
            if (dead.contains(processId)) {
                continue;
            }
            grants.add(new ProcessGrant<>() {
                @Override
                public ProcessId processid() {
                    return processId;
                }

                @Override
                public <R> R enter(GrantFunction<T, R> fun) {
                    return TestGrant.this.enter(processId, fun).unwrap();
                }

                @Override
                public <R> java.util.Optional<R> tryEnter(GrantFunction<T, R> fun) {
                    return entered ? java.util.Optional.empty() : java.util.Optional.of(enter(fun));
                }

                @Override
                public <R> R enterWithAllocator(GrantAllocatorFunction<T, R> fun) {
                    return TestGrant.this.enterWithAllocator(processId, fun).unwrap();
                }
            });
        }
        return grants;
    }
}
