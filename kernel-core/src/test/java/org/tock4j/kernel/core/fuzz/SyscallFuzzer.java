package org.tock4j.kernel.core.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.SyscallInterceptor;
import org.tock4j.kernel.core.SyscallObserver;
import org.tock4j.kernel.core.loading.ProcessLoader;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.core.testing.TestMemory;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * Fuzzes the kernel's system call dispatcher: {@value #PROCESSES} processes on a {@link TestBoard} whose code is
 * a script of random and adversarial system calls ({@link ScriptedBoundary}), run through the real kernel loop,
 * scheduler, {@code handle_syscall}, grants and MPU model, with every invariant checked after every step.
 *
 * <pre>
 *   input ──► script of P: syscall (every class, good and bad numbers, addresses at every boundary, lengths
 *             0/1/huge/wrapping) | fault | interrupt
 *         ──► kernel events between loop iterations: upcalls from capsules, restarts, starts, stop/resume
 *   every step ──► writes only inside the caller's own memory block; its kernel-managed grant data changed only
 *                  where the call says (the one saved slot, a new grant); grant tables and counters consistent;
 *                  saved buffers inside app memory; the return value exactly what TRD104 and the seeds say
 *                  (a model of every slot, break and bound); ids never reused; old lives unreachable
 * </pre>
 *
 * <p>Violations are collected, not thrown, so a campaign reports them all with the input that found them.
 */
public final class SyscallFuzzer implements AutoCloseable {
    public static final int PROCESSES = 8;
    /** Drivers: the buffer capsule, a plain one, one without slots, one that never allocates, one that lies. */
    static final int BUFFERS = 0x9_0001;
    static final int PLAIN = 0x9_0002;
    static final int NO_SLOTS = 0x9_0003;
    static final int FAILS_ALLOCATION = 0x9_0004;
    static final int CLAIMS_ALLOCATION = 0x9_0005;
    /** A driver the syscall filter rejects with {@link #FILTER_ERROR}. */
    static final int FILTERED = 0x9_0006;
    static final ErrorCode FILTER_ERROR = ErrorCode.RESERVE;
    static final int[] DRIVERS = {BUFFERS, PLAIN, NO_SLOTS, FAILS_ALLOCATION, CLAIMS_ALLOCATION, FILTERED};
    static final int[] MISSING_DRIVERS = {0x5, 0xDEAD, 0xFFFF_FFFF, 0x9_0007, 0x8000_0000};
    private static final int KERNEL_RAM = TestMemory.RAM_START;

    /** Upcall, read-only and read-write slot counts of each driver's grant. */
    private record Counts(int upcalls, int ro, int rw) {}

    private final Map<Integer, Counts> counts = new HashMap<>();
    private final FuzzInput in;
    private final TestBoard board;
    private final BufferCapsule buffers;
    private final Map<Integer, TestDriver> testDrivers = new LinkedHashMap<>();
    private final ScriptedBoundary[] boundaries = new ScriptedBoundary[PROCESSES];
    private final ProcessStandard[] processes = new ProcessStandard[PROCESSES];
    private final List<String> violations = new ArrayList<>();
    private final EnumMap<ErrorPath, Long> paths = new EnumMap<>(ErrorPath.class);
    private final Set<Integer> idsSeen = new HashSet<>();
    private final int[] idOf = new int[PROCESSES];
    private final Map<String, long[]> shadow = new HashMap<>();
    private final int[] allowHighWater = new int[PROCESSES];
    private long syscalls;
    private long steps;

    // The step in progress: who owns it and what it may write.
    private int stepSlot = -1;
    private Syscall stepCall;
    private ProcessAddresses stepBefore;
    private int stepIdBefore;
    private final byte[] stepKernelBytes = new byte[TestMemory.RAM_SIZE];
    private final byte[] kernelBytesNow = new byte[TestMemory.RAM_SIZE];
    private int stepKernelLength;
    private List<Integer> grantDriverNumbers;
    private int stepGrantsBefore;
    private final List<int[]> stepWrites = new ArrayList<>();
    /** Bytes outside the caller's block as they were before the step first wrote them. */
    private final Map<Integer, Byte> foreignBefore = new HashMap<>();
    private int capsuleWritesBefore;
    private boolean outsideWriteReported;

    public SyscallFuzzer(FuzzInput input) {
        this.in = input;
        this.board = new TestBoard(new CheckingMpu(), PROCESSES, KernelConfig.defaults()
                .withObserver(new SyscallObserver() {
                    @Override
                    public void syscall(ProcessId caller, org.tock4j.kernel.process.Process process, Syscall syscall,
                            Optional<SyscallReturn> result) {
                        endSyscall(syscall, result);
                    }
                }));
        board.faultPolicy(FaultPolicies.restart());
        board.timesliceUs(2_000);
        board.syscallFilter((process, syscall) -> syscall.driverNumberIfAny().orElse(-1) == FILTERED
                ? Result.err(FILTER_ERROR) : Result.ok());
        this.buffers = new BufferCapsule(board.createGrant(BUFFERS, BufferCapsule.STATE, 3, 2, 2), BUFFERS);
        board.driver(BUFFERS, buffers);
        counts.put(BUFFERS, new Counts(3, 2, 2));
        testDriver(PLAIN, 2, 1, 1, TestDriver.Allocation.ENTERS_GRANT);
        testDriver(NO_SLOTS, 0, 0, 0, TestDriver.Allocation.ENTERS_GRANT);
        testDriver(FAILS_ALLOCATION, 1, 1, 1, TestDriver.Allocation.FAILS);
        testDriver(CLAIMS_ALLOCATION, 1, 1, 1, TestDriver.Allocation.CLAIMS_OK_WITHOUT_ALLOCATING);
        testDriver(FILTERED, 1, 1, 1, TestDriver.Allocation.ENTERS_GRANT);
        for (int i = 0; i < PROCESSES; i++) {
            // Different RAM sizes: some processes run out of grant memory early.
            board.addApp(TestApps.app("p" + i, 512 + 512 * (i % 4), sys -> {}));
        }
        int[] slot = {0};
        board.load((header, flashStart, flashLength) -> {
            ScriptedBoundary b = new ScriptedBoundary(slot[0]++, board.chip(), TestBoard.SYSCALL_CYCLES);
            b.script(this::next);
            boundaries[b.slot] = b;
            return Optional.of(b);
        });
        for (int i = 0; i < PROCESSES; i++) {
            processes[i] = board.process("p" + i);
            idOf[i] = processes[i].processid().id();
            idsSeen.add(idOf[i]);
            allowHighWater[i] = processes[i].getAddresses().sramStart();
        }
        board.memory().writeListener(this::written);
        board.kernel().setSyscallInterceptor(this::beginSyscall);
    }

    private void testDriver(int num, int upcalls, int ro, int rw, TestDriver.Allocation allocation) {
        TestDriver d = new TestDriver(board, num, upcalls, ro, rw).allocation(allocation);
        d.onCommand((n, a, b, p) -> switch (Math.floorMod(n, 3)) {
            case 0 -> org.tock4j.kernel.syscall.CommandReturn.success();
            case 1 -> org.tock4j.kernel.syscall.CommandReturn.failure(ErrorCode.NOSUPPORT);
            default -> org.tock4j.kernel.syscall.CommandReturn.successU32(a);
        });
        testDrivers.put(num, d);
        counts.put(num, new Counts(upcalls, ro, rw));
    }

    // ---------------------------------------------------------------- running

    /** Runs until {@code targetSyscalls} system calls were handled or the input ran out. */
    public SyscallFuzzer run(long targetSyscalls) {
        int idle = 0;
        while (syscalls < targetSyscalls && in.hasMore() && violations.size() < 20) {
            long before = syscalls;
            kernelEvent();
            try {
                board.step();
            } catch (KernelPanic panic) {
                violation("the kernel panicked: " + panic.getMessage());
                break;
            } catch (RuntimeException | Error e) {
                violation("the kernel threw " + e);
                break;
            }
            closeStep();
            idle = syscalls == before ? idle + 1 : 0;
            if (idle > 50) {
                wakeEveryone();
                idle = 0;
            }
        }
        checkAllProcesses();
        return this;
    }

    public List<String> violations() {
        return violations;
    }

    public long syscalls() {
        return syscalls;
    }

    public Map<ErrorPath, Long> errorPaths() {
        return paths;
    }

    /** How many lives (start, restarts) the processes had in all. */
    public int lives() {
        return idsSeen.size();
    }

    @Override
    public void close() {
        board.close();
    }

    private void count(ErrorPath path) {
        paths.merge(path, 1L, Long::sum);
    }

    private void violation(String what) {
        violations.add("step " + steps + " (syscall " + syscalls + "): " + what);
    }

    // ---------------------------------------------------------------- the scripts

    private ContextSwitchReason next(ScriptedBoundary b) {
        int roll = in.nextInt(1000);
        if (roll < 4) {
            openStep(b.slot, null);                               // the fault restarts the process (policy)
            count(ErrorPath.PROCESS_FAULT_RESTART);
            return ContextSwitchReason.FAULT;
        }
        if (roll < 12) {
            board.chip().raiseInterrupt(() -> {});
            return ContextSwitchReason.INTERRUPTED;
        }
        return new ContextSwitchReason.SyscallFired(syscallFor(b.slot));
    }

    private Syscall syscallFor(int slot) {
        ProcessStandard p = processes[slot];
        int roll = in.nextInt(100);
        if (roll < 10) {
            return yieldCall(p);
        } else if (roll < 27) {
            return new Syscall.Subscribe(driver(), subNumber(), upcallPointer(p), in.nextRaw());
        } else if (roll < 42) {
            return new Syscall.Command(driver(), in.pick(0, 1, 2, 3, 4, 5, 6, in.nextInt(16), in.nextRaw()),
                    in.pick(0, 1, 2, in.nextInt(PROCESSES), in.nextRaw()), in.nextRaw());
        } else if (roll < 57) {
            int address = address(p);
            return new Syscall.ReadWriteAllow(driver(), subNumber(), address, length(p, address));
        } else if (roll < 69) {
            int address = address(p);
            return new Syscall.ReadOnlyAllow(driver(), subNumber(), address, length(p, address));
        } else if (roll < 76) {
            int address = address(p);
            return new Syscall.UserspaceReadableAllow(driver(), subNumber(), address, length(p, address));
        } else if (roll < 98) {
            return memop(p);
        }
        return new Syscall.Exit(in.pick(0, 1, 1, 2, 7, -1), in.nextRaw());
    }

    private Syscall yieldCall(ProcessStandard p) {
        return switch (in.nextInt(6)) {
            case 0, 1 -> new Syscall.Yield(0, address(p), 0);
            case 2 -> new Syscall.Yield(1, 0, 0);
            case 3 -> new Syscall.Yield(2, driver(), in.pick(0, 1, 2, 3));
            default -> new Syscall.Yield(in.pick(3, 4, -1, in.nextRaw()), address(p), in.nextRaw());
        };
    }

    private Syscall memop(ProcessStandard p) {
        ProcessAddresses a = p.getAddresses();
        int op = in.pick(0, 0, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -1, in.nextRaw());
        int arg = switch (op) {
            case 0 -> in.pick(a.sramAppBrk() + 4 * in.nextInt(64), a.sramAppBrk() - 4 * in.nextInt(64),
                    a.sramStart(), a.sramStart() + 31, a.sramStart() + 32, a.sramGrantStart(),
                    a.sramGrantStart() + 1, a.sramGrantStart() - 1, a.sramEnd(), a.sramEnd() - 1, 0, -1,
                    in.nextRaw());
            case 1 -> in.pick(0, 4, -4, 1, 1024, -1024, 0x7FFF_FFFF, 0x8000_0000, a.sramGrantStart() - a.sramAppBrk(),
                    a.sramGrantStart() - a.sramAppBrk() + 1, 256 * in.nextInt(8), in.nextRaw());
            default -> in.pick(0, 1, in.nextRaw(), address(p));
        };
        return new Syscall.Memop(op, arg);
    }

    private int driver() {
        return in.chance(85) ? in.pick(DRIVERS) : in.pick(MISSING_DRIVERS);
    }

    private int subNumber() {
        return in.pick(0, 0, 1, 1, 2, 3, 4, 255, 256, 0x7FFF_FFFF, -1, in.nextRaw());
    }

    private ProcessAddresses other(ProcessStandard p) {
        return processes[in.nextInt(PROCESSES)].getAddresses();
    }

    private int address(ProcessStandard p) {
        ProcessAddresses a = p.getAddresses();
        ProcessAddresses o = other(p);
        return switch (in.nextInt(24)) {
            case 0 -> 0;
            case 1 -> 0xFFFF_FFFF;
            case 2 -> 0xFFFF_FFF0;
            case 3 -> a.flashStart();
            case 4 -> a.flashNonProtectedStart();
            case 5 -> a.flashEnd() - 4;
            case 6 -> a.flashEnd();
            case 7 -> a.sramStart() - 1;
            case 8, 9 -> a.sramStart();
            case 10 -> a.sramStart() + 4 * in.nextInt(8);
            case 11 -> a.sramAppBrk() - 1;
            case 12 -> a.sramAppBrk() - 4;
            case 13 -> a.sramAppBrk();
            case 14 -> a.sramGrantStart();
            case 15 -> a.sramGrantStart() - 1;
            case 16 -> a.sramEnd() - 4;
            case 17 -> o.sramStart();
            case 18 -> o.sramAppBrk() - 4;
            case 19 -> o.flashNonProtectedStart();
            case 20 -> KERNEL_RAM;
            case 21 -> TestBoard.APPS_RAM_START - 4;
            case 22 -> a.sramStart() + in.nextInt(Math.max(1, a.sramAppBrk() - a.sramStart()));
            default -> in.nextRaw();
        };
    }

    private int length(ProcessStandard p, int address) {
        ProcessAddresses a = p.getAddresses();
        return switch (in.nextInt(14)) {
            case 0, 1 -> 0;
            case 2 -> 1;
            case 3 -> 4;
            case 4 -> 16;
            case 5 -> a.sramAppBrk() - address;
            case 6 -> a.sramAppBrk() - address + 1;
            case 7 -> a.flashEnd() - address;
            case 8 -> 0x7FFF_FFFF;
            case 9 -> 0x8000_0000;
            case 10 -> 0xFFFF_FFFF;
            case 11 -> -address;                                    // ends exactly at 2^32: wraps to 0
            case 12 -> -address + 1;
            default -> in.nextRaw();
        };
    }

    private int upcallPointer(ProcessStandard p) {
        ProcessAddresses a = p.getAddresses();
        ProcessAddresses o = other(p);
        return switch (in.nextInt(14)) {
            case 0, 1 -> 0;
            case 2, 3 -> (a.flashNonProtectedStart() + 4 * in.nextInt(16)) | 1;
            case 4 -> a.flashStart() | 1;                          // the TBF header: not code
            case 5 -> a.flashEnd() - 4;
            case 6 -> a.flashEnd() - 3;
            case 7 -> a.sramStart();
            case 8 -> a.sramAppBrk() - 4;
            case 9 -> a.sramGrantStart();
            case 10 -> o.flashNonProtectedStart() | 1;
            case 11 -> 0xFFFF_FFFF;
            case 12 -> KERNEL_RAM;
            default -> in.nextRaw();
        };
    }

    // ---------------------------------------------------------------- kernel events

    private void kernelEvent() {
        int roll = in.nextInt(100);
        if (roll < 25) {
            int slot = in.nextInt(PROCESSES);
            ProcessStandard p = processes[slot];
            int driverNum = in.pick(BUFFERS, PLAIN, NO_SLOTS, FAILS_ALLOCATION);
            openStep(slot, null);
            if (driverNum == BUFFERS) {
                buffers.command(3, in.pick(0, 1, 2, 3, -1), in.nextRaw(), p.processid());
            } else {
                var r = testDrivers.get(driverNum).scheduleUpcall(p.processid(), in.pick(0, 1, 2, 5), in.nextRaw(),
                        0, 0);
                if (r.isErr() && r.unwrapErr() == org.tock4j.kernel.upcall.UpcallError.QueueFull) {
                    count(ErrorPath.UPCALL_QUEUE_FULL);
                }
            }
            closeStep();
        } else if (roll == 25) {
            // A burst: more upcalls than the queue holds.
            int slot = in.nextInt(PROCESSES);
            openStep(slot, null);
            for (int i = 0; i < 12; i++) {
                var r = testDrivers.get(PLAIN).scheduleUpcall(processes[slot].processid(), 0, i, 0, 0);
                if (r.isErr() && r.unwrapErr() == org.tock4j.kernel.upcall.UpcallError.QueueFull) {
                    count(ErrorPath.UPCALL_QUEUE_FULL);
                }
            }
            closeStep();
        } else if (roll < 28) {
            int slot = in.nextInt(PROCESSES);
            ProcessStandard p = processes[slot];
            openStep(slot, null);
            switch (in.nextInt(4)) {
                case 0 -> p.stop();
                case 1 -> p.resume();
                case 2 -> p.tryRestart(Optional.empty());
                default -> p.start(Capability.processStart());
            }
            closeStep();
        }
    }

    /** Nothing ran for a while: everyone is waiting. Give the waiting ones what they wait for, or a new life. */
    private void wakeEveryone() {
        for (int slot = 0; slot < PROCESSES; slot++) {
            ProcessStandard p = processes[slot];
            openStep(slot, null);
            switch (p.getState()) {
                case State.Terminated t -> p.start(Capability.processStart());
                case State.Stopped s -> p.resume();
                case State.YieldedFor y -> {
                    TestDriver d = testDrivers.get(y.upcallId().driverNum());
                    if (d != null && d.scheduleUpcall(p.processid(), y.upcallId().subscribeNum(), 1, 2, 3).isOk()) {
                        break;
                    }
                    if (y.upcallId().driverNum() == BUFFERS
                            && buffers.command(3, y.upcallId().subscribeNum(), 0, p.processid()).isSuccess()) {
                        break;
                    }
                    p.tryRestart(Optional.empty());
                }
                case State.Yielded y -> {
                    if (testDrivers.get(PLAIN).scheduleUpcall(p.processid(), 0, 0, 0, 0).isErr()) {
                        p.tryRestart(Optional.empty());
                    }
                }
                default -> { }
            }
            closeStep();
        }
    }

    // ---------------------------------------------------------------- steps and invariants

    private SyscallInterceptor.Interception beginSyscall(org.tock4j.kernel.process.Process process,
            Syscall syscall) {
        int slot = process.processid().rawIndex();
        openStep(slot, syscall);
        return SyscallInterceptor.Interception.PROCEED;
    }

    private void openStep(int slot, Syscall call) {
        closeStep();
        steps++;
        ProcessStandard p = processes[slot];
        checkNewLife(slot);
        stepSlot = slot;
        stepCall = call;
        stepBefore = p.getAddresses();
        stepIdBefore = p.processid().id();
        stepGrantsBefore = p.grantAllocatedCount().orElse(0);
        stepWrites.clear();
        buffers.writes.clear();                                 // only the current step's writes matter
        capsuleWritesBefore = 0;
        // The kernel-managed part of the caller's memory: grant region and pointer table.
        int from = stepBefore.sramGrantStart();
        stepKernelLength = stepBefore.sramEnd() - from;
        board.memory().read(from, stepKernelBytes, 0, stepKernelLength);
    }

    private void written(int address, int length) {
        if (stepSlot < 0) {
            if (!outsideWriteReported) {
                outsideWriteReported = true;
                violation(String.format("memory written outside any step: %#010x +%d", address, length));
            }
            return;
        }
        stepWrites.add(new int[] {address, length});
        long start = Integer.toUnsignedLong(address);
        if (start < Integer.toUnsignedLong(stepBefore.sramStart())
                || start + Integer.toUnsignedLong(length) > Integer.toUnsignedLong(stepBefore.sramEnd())) {
            // Outside the caller's block: remember what was there (a capsule may enter another process's grant,
            // which sets and clears its entered flag, but nothing may change).
            for (int i = 0; i < length && i < 64; i++) {
                try {
                    foreignBefore.putIfAbsent(address + i, board.memory().read8(address + i));
                } catch (IllegalArgumentException unmapped) {
                    violation(String.format("%s wrote unmapped memory %#010x", describeStep(), address));
                    return;
                }
            }
        }
    }

    /** The system call of the open step was handled: check it, then close the step. */
    private void endSyscall(Syscall syscall, Optional<SyscallReturn> result) {
        syscalls++;
        if (stepSlot < 0 || stepCall != syscall) {
            violation("a system call was handled outside its step: " + syscall);
            return;
        }
        checkResult(stepSlot, syscall, result);
        closeStep();
    }

    private void closeStep() {
        if (stepSlot < 0) {
            return;
        }
        int slot = stepSlot;
        ProcessStandard p = processes[slot];
        boolean newLife = p.processid().id() != stepIdBefore;
        long blockStart = Integer.toUnsignedLong(stepBefore.sramStart());
        long blockEnd = Integer.toUnsignedLong(stepBefore.sramEnd());
        long appEnd = Integer.toUnsignedLong(stepBefore.sramAppBrk());
        for (int[] w : stepWrites) {
            long start = Integer.toUnsignedLong(w[0]);
            long end = start + Integer.toUnsignedLong(w[1]);
            if (start < blockStart || end > blockEnd) {
                if (!inOtherGrantPointerTable(w[0], w[1])) {
                    violation(String.format("%s wrote %#010x +%d outside the caller's memory [%#x, %#x)",
                            describeStep(), w[0], w[1], blockStart, blockEnd));
                }
                continue;
            }
            if (start < appEnd && !newLife && !justifiedAppWrite(slot, w[0], w[1])) {
                violation(String.format("%s wrote the caller's app memory at %#010x +%d", describeStep(), w[0], w[1]));
            }
        }
        for (Map.Entry<Integer, Byte> e : foreignBefore.entrySet()) {
            if (board.memory().read8(e.getKey()) != e.getValue()) {
                violation(String.format("%s changed byte %#010x outside the caller's memory", describeStep(),
                        e.getKey()));
                break;
            }
        }
        foreignBefore.clear();
        checkKernelBytes(slot, newLife);
        checkProcess(slot);
        stepSlot = -1;
        stepCall = null;
    }

    /** A capsule entering another process's grant writes (and restores) its pointer-table entry: nothing else. */
    private boolean inOtherGrantPointerTable(int address, int length) {
        for (ProcessStandard p : processes) {
            long table = Integer.toUnsignedLong(p.grantPointerTableAddress());
            long a = Integer.toUnsignedLong(address);
            if (a >= table && a + length <= Integer.toUnsignedLong(p.getAddresses().sramEnd())) {
                return true;
            }
        }
        return false;
    }

    private String describeStep() {
        return stepCall == null ? "a kernel event for p" + stepSlot : "p" + stepSlot + "'s " + stepCall;
    }

    /** A write into app memory is the kernel's only when TRD104 says so: the yield flag, or a capsule's buffer. */
    private boolean justifiedAppWrite(int slot, int address, int length) {
        if (stepCall instanceof Syscall.Yield y && y.which() == 0 && address == y.paramA() && length == 1) {
            return true;
        }
        for (int i = capsuleWritesBefore; i < buffers.writes.size(); i++) {
            BufferCapsule.Write cw = buffers.writes.get(i);
            long s = Integer.toUnsignedLong(cw.address());
            if (Integer.toUnsignedLong(address) >= s
                    && Integer.toUnsignedLong(address) + length <= s + cw.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kernel-managed bytes of the caller changed only where the step may change them: its saved slot, a newly
     * allocated grant and its pointer-table entry; nothing at all for a failed call that allocated nothing.
     */
    private void checkKernelBytes(int slot, boolean newLife) {
        ProcessStandard p = processes[slot];
        if (newLife || !p.isRunning()) {
            return;                                                 // a restart or termination resets it all
        }
        int from = stepBefore.sramGrantStart();
        byte[] now = kernelBytesNow;
        board.memory().read(from, now, 0, stepKernelLength);
        boolean newGrant = p.grantAllocatedCount().orElse(0) > stepGrantsBefore;
        int tableStart = p.grantPointerTableAddress();
        int[] slotRange = savedSlotRange(p, stepCall);
        int mismatch = java.util.Arrays.mismatch(now, 0, stepKernelLength, stepKernelBytes, 0, stepKernelLength);
        for (int i = Math.max(0, mismatch); mismatch >= 0 && i < stepKernelLength; i++) {
            if (now[i] == stepKernelBytes[i]) {
                continue;
            }
            int address = from + i;
            if (newGrant && Integer.compareUnsigned(address, tableStart) >= 0) {
                continue;                                           // the new grant's pointer-table entry
            }
            if (slotRange != null && Integer.compareUnsigned(address, slotRange[0]) >= 0
                    && Integer.compareUnsigned(address, slotRange[1]) < 0) {
                continue;
            }
            violation(String.format("%s changed kernel-managed byte %#010x of the caller", describeStep(), address));
            return;
        }
    }

    /** The 8 bytes of the slot a successful subscribe or allow saves into, if the step is one. */
    private int[] savedSlotRange(ProcessStandard p, Syscall call) {
        SyscallReturn r = boundaries[p.processid().rawIndex()].lastReturn;
        if (r == null || !r.isSuccess()) {
            return null;
        }
        int driverNum;
        int num;
        int kind;
        switch (call) {
            case Syscall.Subscribe s -> {
                driverNum = s.driverNumber();
                num = s.subdriverNumber();
                kind = 0;
            }
            case Syscall.ReadOnlyAllow a -> {
                driverNum = a.driverNumber();
                num = a.subdriverNumber();
                kind = 1;
            }
            case Syscall.ReadWriteAllow a -> {
                driverNum = a.driverNumber();
                num = a.subdriverNumber();
                kind = 2;
            }
            case null, default -> {
                return null;
            }
        }
        Counts c = counts.get(driverNum);
        int base = grantBase(p, driverNum);
        if (c == null || base == 0) {
            return null;
        }
        int offset = 4 + 8 * (kind == 0 ? num : kind == 1 ? c.upcalls + num : c.upcalls + c.ro + num);
        return new int[] {base + offset, base + offset + 8};
    }

    /** The address of {@code driverNum}'s grant in {@code p}, or 0. */
    private int grantBase(ProcessStandard p, int driverNum) {
        int table = p.grantPointerTableAddress();
        int grants = board.kernel().getGrantCountAndFinalize();
        for (int i = 0; i < grants; i++) {
            int ptr = board.memory().read32(table + 8 * i + 4);
            if (ptr != 0 && board.memory().read32(table + 8 * i) == driverNum) {
                return ptr;
            }
        }
        return 0;
    }

    private void checkAllProcesses() {
        for (int slot = 0; slot < PROCESSES; slot++) {
            checkProcess(slot);
        }
    }

    /** A new life: a fresh id, never seen; the old id dead; its buffers and upcalls unreachable; zeroed memory. */
    private void checkNewLife(int slot) {
        ProcessStandard p = processes[slot];
        int id = p.processid().id();
        if (id == idOf[slot]) {
            return;
        }
        if (!idsSeen.add(id)) {
            violation("process id " + id + " reused");
        }
        idOf[slot] = id;
        allowHighWater[slot] = p.getAddresses().sramStart();
        shadow.keySet().removeIf(k -> k.startsWith(slot + ":"));
        for (BufferCapsule.Held h : buffers.held) {
            if (!board.kernel().processidIsValid(h.processId())) {
                if (h.rw() != null && (h.rw().len() != 0 || h.rw().enter(s -> s).isOk())) {
                    violation("a buffer of a dead life is still reachable: " + h);
                }
                if (h.ro() != null && (h.ro().len() != 0 || h.ro().enter(s -> s).isOk())) {
                    violation("a read-only buffer of a dead life is still reachable: " + h);
                }
            }
        }
        buffers.held.removeIf(h -> !board.kernel().processidIsValid(h.processId()));
        if (p.isRunning()) {
            ProcessAddresses a = p.getAddresses();
            byte[] app = board.memory().bytes(a.sramStart(), a.sramAppBrk() - a.sramStart());
            for (byte b : app) {
                if (b != 0) {
                    violation("a new life's app memory is not zero");
                    break;
                }
            }
        }
    }

    /** The structural invariants of one process: bounds, grant pointer table, counters, saved slots. */
    private void checkProcess(int slot) {
        ProcessStandard p = processes[slot];
        ProcessAddresses a = p.getAddresses();
        long start = Integer.toUnsignedLong(a.sramStart());
        long brk = Integer.toUnsignedLong(a.sramAppBrk());
        long kbrk = Integer.toUnsignedLong(a.sramGrantStart());
        long end = Integer.toUnsignedLong(a.sramEnd());
        // Tock lets brk go down to the allow high-water mark, as low as the memory start.
        if (!(start <= brk && brk <= kbrk && kbrk <= end)) {
            violation(String.format("p%d bounds broken: start %#x brk %#x kernel break %#x end %#x", slot, start, brk,
                    kbrk, end));
        }
        int table = p.grantPointerTableAddress();
        int grants = board.kernel().getGrantCountAndFinalize();
        if (grantDriverNumbers == null) {
            grantDriverNumbers = board.kernel().grantDriverNumbers();
        }
        List<Integer> driverNums = grantDriverNumbers;
        int allocated = 0;
        long lowestAllocation = table;
        for (int i = 0; i < grants; i++) {
            int driverNum = board.memory().read32(table + 8 * i);
            int ptr = board.memory().read32(table + 8 * i + 4);
            if (ptr == 0) {
                continue;
            }
            allocated++;
            if (!p.isRunning()) {
                violation("p" + slot + " is not alive but has grant " + i + " allocated");
                continue;
            }
            if ((ptr & 1) != 0) {
                violation("p" + slot + "'s grant " + i + " is left entered");
            }
            if (driverNum != driverNums.get(i)) {
                violation(String.format("p%d's grant %d records driver %#x, not %#x", slot, i, driverNum,
                        driverNums.get(i)));
                continue;
            }
            long at = Integer.toUnsignedLong(ptr & ~1);
            if (at < kbrk || at >= table) {
                violation(String.format("p%d's grant %d at %#x lies outside its grant region", slot, i, at));
                continue;
            }
            lowestAllocation = Math.min(lowestAllocation, at);
            Counts c = counts.get(driverNum);
            int counters = board.memory().read32((int) at);
            if (counters != (c.rw << 16 | c.ro << 8 | c.upcalls)) {
                violation(String.format("p%d's grant %d counters %#x, expected %d/%d/%d", slot, i, counters,
                        c.upcalls, c.ro, c.rw));
                continue;
            }
            int slots = (int) at + 4;
            for (int u = 0; u < c.upcalls; u++) {
                int fn = board.memory().read32(slots + 8 * u + 4);
                // Checked when subscribed; a later brk may shrink app memory below it (Tock allows that: the
                // process faults if the upcall ever runs), but it stays this process's own memory.
                if (fn != 0 && !inFlash(a, fn, 4) && !inBlock(a, fn, 4)) {
                    violation(String.format("p%d saved upcall %#x:%d points at %#x", slot, driverNum, u, fn));
                }
            }
            for (int r = 0; r < c.ro; r++) {
                int at2 = slots + 8 * (c.upcalls + r);
                int ptr2 = board.memory().read32(at2);
                int len = board.memory().read32(at2 + 4);
                if (len != 0 && !inApp(a, ptr2, len) && !inFlash(a, ptr2, len)) {
                    violation(String.format("p%d saved RO buffer %#x+%d outside its memory", slot, ptr2, len));
                }
            }
            for (int w = 0; w < c.rw; w++) {
                int at2 = slots + 8 * (c.upcalls + c.ro + w);
                int ptr2 = board.memory().read32(at2);
                int len = board.memory().read32(at2 + 4);
                if (len != 0 && !inApp(a, ptr2, len)) {
                    violation(String.format("p%d saved RW buffer %#x+%d outside its app memory", slot, ptr2, len));
                }
            }
        }
        if (p.grantAllocatedCount().orElse(0) != allocated) {
            violation("p" + slot + " grant count " + p.grantAllocatedCount() + " but " + allocated + " in its table");
        }
        // Buffers a capsule holds right now lie in their process's app memory.
        for (BufferCapsule.Held h : buffers.held) {
            if (h.processId().equals(p.processid()) && h.len() != 0 && h.rw() != null && h.rw().len() != 0
                    && !inApp(a, h.ptr(), h.len())) {
                violation("the capsule holds a buffer outside app memory: " + h);
            }
        }
    }

    // ---------------------------------------------------------------- the model of each return value

    private static boolean inApp(ProcessAddresses a, int ptr, int len) {
        long s = Integer.toUnsignedLong(ptr);
        long e = s + Integer.toUnsignedLong(len);
        return e <= 0xFFFF_FFFFL && s >= Integer.toUnsignedLong(a.sramStart())
                && e <= Integer.toUnsignedLong(a.sramAppBrk());
    }

    private static boolean inFlash(ProcessAddresses a, int ptr, int len) {
        long s = Integer.toUnsignedLong(ptr);
        long e = s + Integer.toUnsignedLong(len);
        return e <= 0xFFFF_FFFFL && s >= Integer.toUnsignedLong(a.flashNonProtectedStart())
                && e <= Integer.toUnsignedLong(a.flashEnd());
    }

    private static boolean inBlock(ProcessAddresses a, int ptr, int len) {
        long s = Integer.toUnsignedLong(ptr);
        return s >= Integer.toUnsignedLong(a.sramStart()) && s + len <= Integer.toUnsignedLong(a.sramEnd());
    }

    private static boolean validUpcall(ProcessAddresses a, int fn) {
        return inFlash(a, fn, 4) || inApp(a, fn, 4);
    }

    private boolean driverExists(int driverNum) {
        return counts.containsKey(driverNum);
    }

    /** Checks {@code result} against what TRD104 and the seeds say the call returns, and counts its path. */
    private void checkResult(int slot, Syscall call, Optional<SyscallReturn> result) {
        ProcessAddresses a = stepBefore;
        boolean filtered = call.driverNumberIfAny().orElse(-1) == FILTERED;
        if (filtered) {
            expect(call, result, new SyscallReturn.Failure(FILTER_ERROR));
            count(ErrorPath.FILTERED);
            return;
        }
        switch (call) {
            case Syscall.Yield y -> checkYield(slot, y, result);
            case Syscall.Exit e -> {
                if (e.which() == 0 || e.which() == 1) {
                    if (result.isPresent()) {
                        violation("exit " + e.which() + " returned " + result.get());
                    }
                    count(e.which() == 0 ? ErrorPath.EXIT_TERMINATE : ErrorPath.EXIT_RESTART);
                } else {
                    expect(call, result, new SyscallReturn.Failure(ErrorCode.NOSUPPORT));
                    count(ErrorPath.EXIT_INVALID_NOSUPPORT);
                }
            }
            case Syscall.Memop m -> checkMemop(slot, m, a, result);
            case Syscall.Command c -> {
                if (!driverExists(c.driverNumber())) {
                    expect(call, result, new SyscallReturn.Failure(ErrorCode.NODEVICE));
                    count(ErrorPath.COMMAND_NODEVICE);
                } else if (result.isEmpty() || !isCommandVariant(result.get())) {
                    violation("command returned a non-command variant: " + result);
                } else {
                    count(result.get().isSuccess() ? ErrorPath.COMMAND_SUCCESS : ErrorPath.COMMAND_DRIVER_FAILURE);
                }
            }
            case Syscall.Subscribe s -> checkSubscribe(slot, s, a, result);
            case Syscall.ReadWriteAllow al -> checkAllow(slot, call, 2, al.driverNumber(), al.subdriverNumber(),
                    al.allowAddress(), al.allowSize(), a, result);
            case Syscall.ReadOnlyAllow al -> checkAllow(slot, call, 1, al.driverNumber(), al.subdriverNumber(),
                    al.allowAddress(), al.allowSize(), a, result);
            case Syscall.UserspaceReadableAllow al -> checkAllow(slot, call, 3, al.driverNumber(),
                    al.subdriverNumber(), al.allowAddress(), al.allowSize(), a, result);
        }
    }

    private static boolean isCommandVariant(SyscallReturn r) {
        return switch (r) {
            case SyscallReturn.Failure f -> true;
            case SyscallReturn.FailureU32 f -> true;
            case SyscallReturn.FailureU32U32 f -> true;
            case SyscallReturn.FailureU64 f -> true;
            case SyscallReturn.Success s -> true;
            case SyscallReturn.SuccessU32 s -> true;
            case SyscallReturn.SuccessU32U32 s -> true;
            case SyscallReturn.SuccessU32U32U32 s -> true;
            case SyscallReturn.SuccessU64 s -> true;
            case SyscallReturn.SuccessU32U64 s -> true;
            default -> false;
        };
    }

    private void expect(Syscall call, Optional<SyscallReturn> result, SyscallReturn expected) {
        if (result.isEmpty() || !encodedEquals(result.get(), expected)) {
            violation(call + " returned " + result.map(Object::toString).orElse("nothing") + ", expected "
                    + expected);
        }
    }

    private static boolean encodedEquals(SyscallReturn a, SyscallReturn b) {
        int[] ra = new int[4];
        int[] rb = new int[4];
        a.encodeTrd104(ra);
        b.encodeTrd104(rb);
        return java.util.Arrays.equals(ra, rb) && a.isSuccess() == b.isSuccess();
    }

    private void checkYield(int slot, Syscall.Yield y, Optional<SyscallReturn> result) {
        if (result.isPresent()) {
            violation("yield returned a value at once: " + result.get());
        }
        switch (y.which()) {
            case 0 -> {
                boolean inApp = inApp(stepBefore, y.paramA(), 1);
                boolean wrote = stepWrites.stream().anyMatch(w -> w[0] == y.paramA() && w[1] == 1);
                if (inApp != wrote) {
                    violation("yield-no-wait " + (wrote ? "wrote" : "did not write") + " its flag at "
                            + Integer.toHexString(y.paramA()));
                }
                if (inApp) {
                    byte flag = board.memory().read8(y.paramA());
                    if (flag != 0 && flag != 1) {
                        violation("yield-no-wait flag is " + flag);
                    }
                }
                count(inApp ? ErrorPath.YIELD_NO_WAIT : ErrorPath.YIELD_NO_WAIT_FLAG_ADDRESS_INVALID);
            }
            case 1 -> count(ErrorPath.YIELD_WAIT);
            case 2 -> count(ErrorPath.YIELD_WAIT_FOR);
            default -> {
                if (!stepWrites.isEmpty()) {
                    violation("an invalid yield wrote memory");
                }
                if (!(processes[slot].getState() instanceof State.Running)) {
                    violation("an invalid yield did not return to the process at once");
                }
                count(ErrorPath.YIELD_INVALID_VARIANT);
            }
        }
    }

    private void checkMemop(int slot, Syscall.Memop m, ProcessAddresses a, Optional<SyscallReturn> result) {
        switch (m.operand()) {
            case 0, 1 -> {
                int target = m.operand() == 0 ? m.arg0() : a.sramAppBrk() + m.arg0();
                boolean ok = Integer.compareUnsigned(target, allowHighWater[slot]) >= 0
                        && Integer.compareUnsigned(target, a.sramEnd()) < 0
                        && Integer.compareUnsigned(target, a.sramGrantStart()) <= 0;
                SyscallReturn expected = !ok ? new SyscallReturn.Failure(ErrorCode.NOMEM)
                        : m.operand() == 0 ? SyscallReturn.SUCCESS_VALUE : new SyscallReturn.SuccessU32(a.sramAppBrk());
                expect(m, result, expected);
                if (ok && Integer.compareUnsigned(target, a.sramAppBrk()) > 0) {
                    byte[] exposed = board.memory().bytes(a.sramAppBrk(), target - a.sramAppBrk());
                    for (byte b : exposed) {
                        if (b != 0) {
                            violation("memory exposed by " + m + " is not zero");
                            break;
                        }
                    }
                }
                if (ok && processes[slot].getAddresses().sramAppBrk() != target) {
                    violation(m + " succeeded but the break is " + processes[slot].getAddresses().sramAppBrk());
                }
                count(ok ? ErrorPath.MEMOP_BREAK_MOVED
                        : m.operand() == 0 ? ErrorPath.MEMOP_BRK_NOMEM : ErrorPath.MEMOP_SBRK_NOMEM);
            }
            case 2 -> expect(m, result, new SyscallReturn.SuccessU32(a.sramStart()));
            case 3 -> expect(m, result, new SyscallReturn.SuccessU32(a.sramEnd()));
            case 4 -> expect(m, result, new SyscallReturn.SuccessU32(a.flashStart()));
            case 5 -> expect(m, result, new SyscallReturn.SuccessU32(a.flashEnd()));
            case 6 -> expect(m, result, new SyscallReturn.SuccessU32(a.sramGrantStart()));
            case 7 -> expect(m, result, new SyscallReturn.SuccessU32(0));
            case 8, 9 -> {
                expect(m, result, new SyscallReturn.Failure(ErrorCode.FAIL));
                count(ErrorPath.MEMOP_NO_FLASH_REGION_FAIL);
            }
            case 10, 11 -> expect(m, result, SyscallReturn.SUCCESS_VALUE);
            default -> {
                expect(m, result, new SyscallReturn.Failure(ErrorCode.NOSUPPORT));
                count(ErrorPath.MEMOP_NOSUPPORT);
            }
        }
    }

    private void checkSubscribe(int slot, Syscall.Subscribe s, ProcessAddresses a, Optional<SyscallReturn> result) {
        int fn = s.upcallPtr();
        int data = s.appdata();
        if (fn != 0 && !validUpcall(a, fn)) {
            expect(s, result, new SyscallReturn.SubscribeFailure(ErrorCode.INVAL, fn, data));
            count(ErrorPath.SUBSCRIBE_BAD_POINTER_INVAL);
            return;
        }
        if (!driverExists(s.driverNumber())) {
            expect(s, result, new SyscallReturn.SubscribeFailure(ErrorCode.NODEVICE, fn, data));
            count(ErrorPath.SUBSCRIBE_NODEVICE);
            return;
        }
        checkSlotCall(slot, s, s.driverNumber(), s.subdriverNumber(), counts.get(s.driverNumber()).upcalls, 0, fn,
                data, result, ErrorPath.SUBSCRIBE_NOSUPPORT, ErrorPath.SUBSCRIBE_NOMEM, ErrorPath.SUBSCRIBE_SUCCESS);
    }

    private void checkAllow(int slot, Syscall call, int kind, int driverNum, int num, int ptr, int len,
            ProcessAddresses a, Optional<SyscallReturn> result) {
        ErrorPath nodevice = kind == 1 ? ErrorPath.ALLOW_RO_NODEVICE : kind == 2 ? ErrorPath.ALLOW_RW_NODEVICE
                : ErrorPath.ALLOW_URO_NODEVICE;
        ErrorPath inval = kind == 1 ? ErrorPath.ALLOW_RO_INVAL : kind == 2 ? ErrorPath.ALLOW_RW_INVAL
                : ErrorPath.ALLOW_URO_INVAL;
        if (!driverExists(driverNum)) {
            expect(call, result, allowFailure(kind, ErrorCode.NODEVICE, ptr, len));
            count(nodevice);
            return;
        }
        boolean valid = len == 0 || inApp(a, ptr, len) || (kind == 1 && inFlash(a, ptr, len));
        if (!valid) {
            expect(call, result, allowFailure(kind, ErrorCode.INVAL, ptr, len));
            count(inval);
            return;
        }
        if (kind == 3) {
            // Userspace-readable allows go to the capsule itself; only the buffer capsule takes one (number 0).
            if (driverNum == BUFFERS && num == 0) {
                long[] previous = shadow.getOrDefault(key(slot, 3, driverNum, num), new long[] {0, 0});
                expect(call, result, new SyscallReturn.UserspaceReadableAllowSuccess((int) previous[0],
                        (int) previous[1]));
                shadow.put(key(slot, 3, driverNum, num), new long[] {ptr, len});
                raiseHighWater(slot, ptr, len);
                count(ErrorPath.ALLOW_URO_SUCCESS);
            } else {
                expect(call, result, new SyscallReturn.UserspaceReadableAllowFailure(ErrorCode.NOSUPPORT, ptr, len));
                raiseHighWater(slot, ptr, len);
                count(ErrorPath.ALLOW_URO_CAPSULE_REJECTS);
            }
            return;
        }
        Counts c = counts.get(driverNum);
        raiseHighWater(slot, ptr, len);
        checkSlotCall(slot, call, driverNum, num, kind == 1 ? c.ro : c.rw, kind, ptr, len, result,
                kind == 1 ? ErrorPath.ALLOW_RO_NOSUPPORT : ErrorPath.ALLOW_RW_NOSUPPORT,
                kind == 1 ? ErrorPath.ALLOW_RO_NOMEM : ErrorPath.ALLOW_RW_NOMEM,
                kind == 1 ? ErrorPath.ALLOW_RO_SUCCESS : ErrorPath.ALLOW_RW_SUCCESS);
    }

    /** A valid buffer in app RAM raises the break's floor (Tock's allow high-water mark), even if the allow fails. */
    private void raiseHighWater(int slot, int ptr, int len) {
        if (len != 0 && inApp(stepBefore, ptr, len)
                && Integer.compareUnsigned(ptr + len, allowHighWater[slot]) > 0) {
            allowHighWater[slot] = ptr + len;
        }
    }

    private static SyscallReturn allowFailure(int kind, ErrorCode e, int ptr, int len) {
        return switch (kind) {
            case 1 -> new SyscallReturn.AllowReadOnlyFailure(e, ptr, len);
            case 2 -> new SyscallReturn.AllowReadWriteFailure(e, ptr, len);
            default -> new SyscallReturn.UserspaceReadableAllowFailure(e, ptr, len);
        };
    }

    private static SyscallReturn slotSuccess(int kind, int a, int b) {
        return switch (kind) {
            case 0 -> new SyscallReturn.SubscribeSuccess(a, b);
            case 1 -> new SyscallReturn.AllowReadOnlySuccess(a, b);
            default -> new SyscallReturn.AllowReadWriteSuccess(a, b);
        };
    }

    private static SyscallReturn slotFailure(int kind, ErrorCode e, int a, int b) {
        return kind == 0 ? new SyscallReturn.SubscribeFailure(e, a, b) : allowFailure(kind, e, a, b);
    }

    private static String key(int slot, int kind, int driverNum, int num) {
        return slot + ":" + kind + ":" + driverNum + ":" + num;
    }

    /**
     * Subscribe and allow: the grant is allocated on first use (or the call fails with NOMEM), a number past the
     * grant's count is NOSUPPORT, and success hands back exactly what the slot held, which is empty in a new
     * life.
     */
    private void checkSlotCall(int slot, Syscall call, int driverNum, int num, int slotCount, int kind, int a, int b,
            Optional<SyscallReturn> result, ErrorPath nosupport, ErrorPath nomem, ErrorPath success) {
        ProcessStandard p = processes[slot];
        boolean allocated = grantBase(p, driverNum) != 0;
        if (!allocated) {
            // The grant could not be allocated (the driver did not, or the grant region is full): NOMEM.
            expect(call, result, slotFailure(kind, ErrorCode.NOMEM, a, b));
            count(nomem);
            return;
        }
        if (Integer.compareUnsigned(num, slotCount) >= 0) {
            expect(call, result, slotFailure(kind, ErrorCode.NOSUPPORT, a, b));
            count(nosupport);
            return;
        }
        String k = key(slot, kind, driverNum, num);
        long[] previous = shadow.getOrDefault(k, new long[] {0, 0});
        expect(call, result, slotSuccess(kind, (int) previous[0], (int) previous[1]));
        shadow.put(k, new long[] {a, b});
        count(success);
        if (kind == 0 && !processes[slot].isRunning()) {
            violation("subscribe left the process not alive");
        }
    }
}
