package org.tock4j.capsules.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.CustomGrant;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantAllocatorFunction;
import org.tock4j.kernel.grant.GrantEachFunction;
import org.tock4j.kernel.grant.GrantFunction;
import org.tock4j.kernel.grant.GrantKernelData;
import org.tock4j.kernel.grant.GrantRegionAllocator;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.upcall.UpcallError;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * A grant for capsule tests: keeps {@code T} per live process, records scheduled upcalls, serves the buffers a
 * test allows, and panics on re-entrance as Tock's grant does.
 */
public final class FakeGrant<T> implements Grant<T> {

    /** An upcall a capsule scheduled. */
    public record Upcall(int subscribeNum, int r0, int r1, int r2) {}

    private final FakeProcessTable table;
    private final int driverNum;
    private final GrantType<T> type;
    private final int upcallCount;
    private final int allowRoCount;
    private final int allowRwCount;
    private final Map<ProcessId, Slot> slots = new LinkedHashMap<>();

    public FakeGrant(FakeProcessTable table, int driverNum, GrantType<T> type, UpcallCount upcalls,
            AllowRoCount allowRo, AllowRwCount allowRw) {
        this.table = table;
        this.driverNum = driverNum;
        this.type = type;
        this.upcallCount = upcalls.count();
        this.allowRoCount = allowRo.count();
        this.allowRwCount = allowRw.count();
    }

    public GrantType<T> type() {
        return type;
    }

    public int upcallCount() {
        return upcallCount;
    }

    public int allowRoCount() {
        return allowRoCount;
    }

    public int allowRwCount() {
        return allowRwCount;
    }

    @Override
    public int driverNum() {
        return driverNum;
    }

    @Override
    public int grantNum() {
        return 0;
    }

    @Override
    public <R> Result<R, ProcessError> enter(ProcessId processId, GrantFunction<T, R> fun) {
        return slot(processId).map(slot -> slot.enter(fun));
    }

    @Override
    public <R> Result<R, ProcessError> enterWithAllocator(ProcessId processId, GrantAllocatorFunction<T, R> fun) {
        return slot(processId).map(slot -> slot.enter((data, kernelData) -> fun.apply(data, kernelData, slot)));
    }

    @Override
    public void each(GrantEachFunction<T> fun) {
        for (ProcessGrant<T> grant : iter()) {
            grant.enter((data, kernelData) -> {
                fun.apply(grant.processid(), data, kernelData);
                return null;
            });
        }
    }

    /** Allocated grants of live processes, in process-table order. */
    @Override
    public Iterable<ProcessGrant<T>> iter() {
        List<ProcessGrant<T>> grants = new ArrayList<>();
        slots.values().stream()
                .filter(slot -> table.processidIsValid(slot.processId))
                .sorted(Comparator.comparingInt(slot -> slot.processId.rawIndex()))
                .forEach(grants::add);
        return grants;
    }

    // ---- test side: what the kernel would do on allow, and what a test inspects ----

    /** As the kernel stores an allow-readonly of {@code length} bytes at {@code address}. */
    public void allowReadOnly(ProcessId processId, int allowNum, int address, int length) {
        slot(processId).unwrap().ro[allowNum] =
                ReadOnlyProcessBuffer.newExternal(address, length, processId, Capability.externalProcess());
    }

    /** As the kernel stores an allow-readwrite of {@code length} bytes at {@code address}. */
    public void allowReadWrite(ProcessId processId, int allowNum, int address, int length) {
        slot(processId).unwrap().rw[allowNum] =
                ReadWriteProcessBuffer.newExternal(address, length, processId, Capability.externalProcess());
    }

    /** The upcalls scheduled for {@code processId}, oldest first. */
    public List<Upcall> upcalls(ProcessId processId) {
        Slot slot = slots.get(processId);
        return slot == null ? List.of() : List.copyOf(slot.upcalls);
    }

    public boolean isAllocated(ProcessId processId) {
        return slots.containsKey(processId);
    }

    public T data(ProcessId processId) {
        return slots.get(processId).data;
    }

    private Result<Slot, ProcessError> slot(ProcessId processId) {
        if (!table.processidIsValid(processId)) {
            return Result.err(ProcessError.NoSuchApp);
        }
        return Result.ok(slots.computeIfAbsent(processId, Slot::new));
    }

    private final class Slot implements ProcessGrant<T>, GrantKernelData, GrantRegionAllocator {
        final ProcessId processId;
        final T data;
        final ReadOnlyProcessBuffer[] ro;
        final ReadWriteProcessBuffer[] rw;
        final List<Upcall> upcalls = new ArrayList<>();
        boolean entered;

        Slot(ProcessId processId) {
            this.processId = processId;
            this.data = type.defaultValue().get();
            this.ro = IntStream.range(0, allowRoCount).mapToObj(i -> ReadOnlyProcessBuffer.empty())
                    .toArray(ReadOnlyProcessBuffer[]::new);
            this.rw = IntStream.range(0, allowRwCount).mapToObj(i -> ReadWriteProcessBuffer.empty())
                    .toArray(ReadWriteProcessBuffer[]::new);
        }

        @Override
        public ProcessId processid() {
            return processId;
        }

        @Override
        public <R> R enter(GrantFunction<T, R> fun) {
            if (entered) {
                throw new KernelPanic("Attempted to re-enter a grant region.");
            }
            entered = true;
            try {
                return fun.apply(data, this);
            } finally {
                entered = false;
            }
        }

        @Override
        public <R> Optional<R> tryEnter(GrantFunction<T, R> fun) {
            return entered ? Optional.empty() : Optional.ofNullable(enter(fun));
        }

        @Override
        public <R> R enterWithAllocator(GrantAllocatorFunction<T, R> fun) {
            return enter((d, kernelData) -> fun.apply(d, kernelData, this));
        }

        @Override
        public Result<Void, UpcallError> scheduleUpcall(int subscribeNum, int r0, int r1, int r2) {
            if (Integer.compareUnsigned(subscribeNum, upcallCount) >= 0) {
                return Result.err(UpcallError.InvalidSubscribeNum);
            }
            upcalls.add(new Upcall(subscribeNum, r0, r1, r2));
            return Result.ok();
        }

        @Override
        public Optional<Task> removeUpcall(int subscribeNum) {
            for (int i = 0; i < upcalls.size(); i++) {
                Upcall u = upcalls.get(i);
                if (u.subscribeNum() == subscribeNum) {
                    upcalls.remove(i);
                    return Optional.of(new Task.FunctionCallTask(new FunctionCall(
                            new FunctionCallSource.Driver(new UpcallId(driverNum, subscribeNum)),
                            u.r0(), u.r1(), u.r2(), 0, 0)));
                }
            }
            return Optional.empty();
        }

        @Override
        public int removePendingUpcalls(int subscribeNum) {
            int before = upcalls.size();
            upcalls.removeIf(u -> u.subscribeNum() == subscribeNum);
            return before - upcalls.size();
        }

        @Override
        public Result<ReadOnlyProcessBuffer, ProcessError> getReadonlyProcessbuffer(int allowRoNum) {
            return allowRoNum >= 0 && allowRoNum < ro.length
                    ? Result.ok(ro[allowRoNum]) : Result.err(ProcessError.AddressOutOfBounds);
        }

        @Override
        public Result<ReadWriteProcessBuffer, ProcessError> getReadwriteProcessbuffer(int allowRwNum) {
            return allowRwNum >= 0 && allowRwNum < rw.length
                    ? Result.ok(rw[allowRwNum]) : Result.err(ProcessError.AddressOutOfBounds);
        }

        @Override
        public <V> Result<CustomGrant<V>, ProcessError> allocWith(int size, int align, Supplier<V> init) {
            return Result.ok(new HeldCustomGrant<>(processId, init.get()));
        }

        @Override
        public <V> Result<CustomGrant<List<V>>, ProcessError> allocNWith(
                int count, int size, int align, IntFunction<V> init) {
            List<V> items = IntStream.range(0, count).mapToObj(init).toList();
            return Result.ok(new HeldCustomGrant<>(processId, items));
        }
    }

    /** A custom grant that just holds its value while its process lives. */
    private final class HeldCustomGrant<V> implements CustomGrant<V> {
        private final ProcessId processId;
        private final V value;

        HeldCustomGrant(ProcessId processId, V value) {
            this.processId = processId;
            this.value = value;
        }

        @Override
        public ProcessId processid() {
            return processId;
        }

        @Override
        public <R> Result<R, ProcessError> enter(Function<V, R> fun) {
            return table.processidIsValid(processId) ? Result.ok(fun.apply(value)) : Result.err(ProcessError.NoSuchApp);
        }
    }
}
