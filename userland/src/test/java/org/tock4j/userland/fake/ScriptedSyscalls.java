package org.tock4j.userland.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tock4j.userland.Memory;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.Upcall;

/**
 * A scripted kernel for unit tests of apps and drivers: it records every system call with its registers,
 * answers commands with scripted {@link Registers}, keeps subscribe/allow/memop state as TRD104 and Tock's
 * {@code memop.rs} define it, and delivers scheduled upcalls during yield.
 *
 * <pre>{@code
 * var sys = new ScriptedSyscalls();
 * sys.onCommand(2, 0, call -> ScriptedSyscalls.successU32(4));          // the LED driver reports 4 LEDs
 * sys.onCommand(0, 5, call -> {                                         // an alarm that fires at once
 *     sys.scheduleUpcall(0, 0, call.r2(), call.r2(), 0);
 *     return ScriptedSyscalls.successU32(call.r2());
 * });
 * app.main(sys);
 * assertThat(sys.calls()).startsWith(Syscall.command(2, 0, 0, 0));
 * }</pre>
 *
 * <p>Yield-Wait runs the oldest scheduled upcall (dropping those scheduled while no function was subscribed, as
 * Tock does); Yield-WaitFor returns the values of the oldest upcall with its id without running it; Yield-NoWait
 * runs one if any and writes 1/0 to the byte at its first parameter. A yield that could never return throws
 * {@link IllegalStateException}; one beyond {@link #limitYields} throws {@link YieldLimitReached}.
 */
public final class ScriptedSyscalls implements Syscalls {

    public static final int FLASH_START = 0x0004_0000;
    public static final int FLASH_END = 0x0004_4000;
    public static final int MEMORY_START = 0x2000_4000;
    public static final int MEMORY_END = 0x2000_6000;
    public static final int GRANT_REGION_BEGIN = 0x2000_5C00;
    public static final int DEFAULT_APP_MEMORY_BYTES = 1024;

    /** Answers one system call. */
    @FunctionalInterface
    public interface Responder {
        Registers answer(Syscall call);
    }

    private record PendingUpcall(int driver, int subscribeNum, int function, int appData, int arg0, int arg1,
            int arg2) {}

    private final List<Syscall> calls = new ArrayList<>();
    private final Map<Long, Responder> commands = new HashMap<>();
    private final Set<Integer> drivers = new HashSet<>();
    private final Map<Integer, Upcall> upcallFunctions = new HashMap<>();
    private final Map<Long, int[]> subscriptions = new HashMap<>();
    private final Map<Long, int[]> readOnlyAllows = new HashMap<>();
    private final Map<Long, int[]> readWriteAllows = new HashMap<>();
    private final Map<Long, int[]> userspaceReadableAllows = new HashMap<>();
    private final ArrayDeque<PendingUpcall> pending = new ArrayDeque<>();
    private final FakeMemory memory;
    private int appBreak;
    private int nextUpcallAddress = FLASH_START + 0x100;
    private int yieldLimit = Integer.MAX_VALUE;
    private int yields;
    private int heapStartHint;
    private int stackTopHint;
    private long busyCycles;

    /** A process whose app memory is {@value #DEFAULT_APP_MEMORY_BYTES} bytes from {@link #MEMORY_START}. */
    public ScriptedSyscalls() {
        this(DEFAULT_APP_MEMORY_BYTES);
    }

    /** A process whose initial break is {@code appMemoryBytes} above {@link #MEMORY_START}. */
    public ScriptedSyscalls(int appMemoryBytes) {
        this.appBreak = MEMORY_START + appMemoryBytes;
        this.memory = new FakeMemory(MEMORY_START, MEMORY_END - MEMORY_START, () -> appBreak);
    }

    // ---------------------------------------------------------------- scripting

    /** Installs driver {@code driver} (so subscribe and allow to it succeed) without scripting a command. */
    public ScriptedSyscalls installDriver(int driver) {
        drivers.add(driver);
        return this;
    }

    /** Scripts command {@code command} of {@code driver}; installs the driver. */
    public ScriptedSyscalls onCommand(int driver, int command, Responder responder) {
        drivers.add(driver);
        commands.put(key(driver, command), responder);
        return this;
    }

    /** Scripts command {@code command} of {@code driver} to always answer {@code answer}. */
    public ScriptedSyscalls onCommand(int driver, int command, Registers answer) {
        return onCommand(driver, command, call -> answer);
    }

    /**
     * Schedules an upcall as a driver would: it captures the function subscribed to {@code (driver,
     * subscribeNum)} now (none is the Null Upcall).
     */
    public void scheduleUpcall(int driver, int subscribeNum, int arg0, int arg1, int arg2) {
        int[] subscription = subscriptions.getOrDefault(key(driver, subscribeNum), new int[] {0, 0});
        pending.add(new PendingUpcall(driver, subscribeNum, subscription[0], subscription[1], arg0, arg1, arg2));
    }

    /** Allows {@code limit} more yields; the next one throws {@link YieldLimitReached}. */
    public ScriptedSyscalls limitYields(int limit) {
        this.yieldLimit = yields + limit;
        return this;
    }

    /**
     * Yield-Waits, as the process does forever once {@code App.main} has returned, until no upcall with a
     * subscribed function is pending (Null Upcalls on the way are dropped); returns how many callbacks ran.
     * The yields are recorded and count against {@link #limitYields}.
     */
    public int runPendingUpcalls() {
        int ran = 0;
        while (pending.stream().anyMatch(upcall -> upcall.function() != 0)) {
            this.yield(1, 0, 0);
            ran++;
        }
        return ran;
    }

    // ---------------------------------------------------------------- observing

    /** Every system call so far, in order. */
    public List<Syscall> calls() {
        return List.copyOf(calls);
    }

    /** The system calls of one class, in order. */
    public List<Syscall> calls(Syscall.Kind kind) {
        return calls.stream().filter(call -> call.kind() == kind).toList();
    }

    /** The bytes currently shared read-only with {@code (driver, allowNum)}. */
    public byte[] readOnlyAllowed(int driver, int allowNum) {
        int[] allow = readOnlyAllows.getOrDefault(key(driver, allowNum), new int[] {0, 0});
        return allow[1] == 0 ? new byte[0] : memory.peek(allow[0], allow[1]);
    }

    /** The address and length currently shared read-only with {@code (driver, allowNum)}. */
    public int[] readOnlyAllow(int driver, int allowNum) {
        return readOnlyAllows.getOrDefault(key(driver, allowNum), new int[] {0, 0}).clone();
    }

    /** The length of the buffer currently shared read-write with {@code (driver, allowNum)}. */
    public int readWriteAllowLength(int driver, int allowNum) {
        return readWriteAllows.getOrDefault(key(driver, allowNum), new int[] {0, 0})[1];
    }

    /** Writes {@code data} into the buffer shared read-write with {@code (driver, allowNum)}, as a capsule would. */
    public int fillReadWriteAllow(int driver, int allowNum, byte[] data) {
        int[] allow = readWriteAllows.getOrDefault(key(driver, allowNum), new int[] {0, 0});
        int length = Math.min(allow[1], data.length);
        memory.poke(allow[0], data, length);
        return length;
    }

    /** The function address subscribed to {@code (driver, subscribeNum)}, 0 for none. */
    public int subscribedUpcall(int driver, int subscribeNum) {
        return subscriptions.getOrDefault(key(driver, subscribeNum), new int[] {0, 0})[0];
    }

    /** How many scheduled upcalls have not been delivered. */
    public int pendingUpcalls() {
        return pending.size();
    }

    public int appBreak() {
        return appBreak;
    }

    public int heapStartHint() {
        return heapStartHint;
    }

    public int stackTopHint() {
        return stackTopHint;
    }

    public long busyCycles() {
        return busyCycles;
    }

    public FakeMemory fakeMemory() {
        return memory;
    }

    // ---------------------------------------------------------------- answers

    public static Registers success() {
        return new Registers(Registers.SUCCESS, 0, 0, 0);
    }

    public static Registers successU32(int value) {
        return new Registers(Registers.SUCCESS_U32, value, 0, 0);
    }

    public static Registers successU32U32(int value0, int value1) {
        return new Registers(Registers.SUCCESS_U32_U32, value0, value1, 0);
    }

    public static Registers failure(int errorCode) {
        return new Registers(Registers.FAILURE, errorCode, 0, 0);
    }

    public static Registers failureU32U32(int errorCode, int value0, int value1) {
        return new Registers(Registers.FAILURE_U32_U32, errorCode, value0, value1);
    }

    // ---------------------------------------------------------------- Syscalls

    @Override
    public Registers yield(int which, int paramA, int paramB) {
        calls.add(Syscall.yield(which, paramA, paramB));
        if (which < 0 || which > 2) {
            return new Registers(which, paramA, paramB, 0);
        }
        if (yields >= yieldLimit) {
            throw new YieldLimitReached(yieldLimit);
        }
        yields++;
        return switch (which) {
            case 0 -> yieldNoWait(paramA);
            case 1 -> yieldWait();
            default -> yieldWaitFor(paramA, paramB);
        };
    }

    private Registers yieldNoWait(int flagAddress) {
        boolean hasTasks = !pending.isEmpty();
        if (memory.isAppMemory(flagAddress, 1)) {
            memory.write8(flagAddress, (byte) (hasTasks ? 1 : 0));
        }
        if (hasTasks) {
            run(pending.poll());
        }
        return new Registers(0, flagAddress, 0, 0);
    }

    private Registers yieldWait() {
        while (true) {
            PendingUpcall upcall = pending.poll();
            if (upcall == null) {
                throw new IllegalStateException("yield-wait with no upcall scheduled: the process would sleep forever");
            }
            if (upcall.function() != 0) {
                run(upcall);
                return new Registers(1, 0, 0, 0);
            }
        }
    }

    private Registers yieldWaitFor(int driver, int subscribeNum) {
        for (Iterator<PendingUpcall> it = pending.iterator(); it.hasNext(); ) {
            PendingUpcall upcall = it.next();
            if (upcall.driver() == driver && upcall.subscribeNum() == subscribeNum) {
                it.remove();
                return new Registers(upcall.arg0(), upcall.arg1(), upcall.arg2(), 0);
            }
        }
        throw new IllegalStateException("yield-wait-for(" + driver + ", " + subscribeNum
                + ") with no such upcall scheduled: the process would sleep forever");
    }

    private void run(PendingUpcall upcall) {
        if (upcall.function() != 0) {
            upcallFunctions.get(upcall.function()).call(upcall.arg0(), upcall.arg1(), upcall.arg2(), upcall.appData());
        }
    }

    @Override
    public Registers subscribe(int driver, int subscribeNum, int upcallAddress, int appData) {
        calls.add(Syscall.subscribe(driver, subscribeNum, upcallAddress, appData));
        if (!drivers.contains(driver)) {
            return failureU32U32(11, upcallAddress, appData);
        }
        if (upcallAddress != 0 && !upcallFunctions.containsKey(upcallAddress)) {
            return failureU32U32(6, upcallAddress, appData);
        }
        pending.removeIf(p -> p.driver() == driver && p.subscribeNum() == subscribeNum);
        int[] previous = subscriptions.put(key(driver, subscribeNum), new int[] {upcallAddress, appData});
        return previous == null ? successU32U32(0, 0) : successU32U32(previous[0], previous[1]);
    }

    @Override
    public Registers command(int driver, int commandNum, int arg0, int arg1) {
        Syscall call = Syscall.command(driver, commandNum, arg0, arg1);
        calls.add(call);
        Responder responder = commands.get(key(driver, commandNum));
        if (responder != null) {
            return responder.answer(call);
        }
        return failure(drivers.contains(driver) ? 10 : 11);
    }

    @Override
    public Registers allowReadWrite(int driver, int allowNum, int address, int length) {
        calls.add(Syscall.allowReadWrite(driver, allowNum, address, length));
        return allow(readWriteAllows, driver, allowNum, address, length, false);
    }

    @Override
    public Registers allowReadOnly(int driver, int allowNum, int address, int length) {
        calls.add(Syscall.allowReadOnly(driver, allowNum, address, length));
        return allow(readOnlyAllows, driver, allowNum, address, length, true);
    }

    @Override
    public Registers allowUserspaceReadable(int driver, int allowNum, int address, int length) {
        calls.add(new Syscall(Syscall.Kind.ALLOW_USERSPACE_READABLE, driver, allowNum, address, length));
        return allow(userspaceReadableAllows, driver, allowNum, address, length, false);
    }

    private Registers allow(Map<Long, int[]> allows, int driver, int allowNum, int address, int length,
            boolean flashToo) {
        if (!drivers.contains(driver)) {
            return failureU32U32(11, address, length);
        }
        boolean valid = length == 0 || memory.isAppMemory(address, length)
                || (flashToo && Integer.toUnsignedLong(address) >= FLASH_START
                        && Integer.toUnsignedLong(address) + length <= FLASH_END);
        if (!valid) {
            return failureU32U32(6, address, length);
        }
        int[] previous = allows.put(key(driver, allowNum), new int[] {address, length});
        return previous == null ? successU32U32(0, 0) : successU32U32(previous[0], previous[1]);
    }

    @Override
    public Registers memop(int operand, int arg0) {
        calls.add(Syscall.memop(operand, arg0));
        return switch (operand) {
            case 0 -> moveBreak(Integer.toUnsignedLong(arg0)) ? success() : failure(9);
            case 1 -> {
                int previous = appBreak;
                yield moveBreak(Integer.toUnsignedLong(appBreak) + arg0) ? successU32(previous) : failure(9);
            }
            case 2 -> successU32(MEMORY_START);
            case 3 -> successU32(MEMORY_END);
            case 4 -> successU32(FLASH_START);
            case 5 -> successU32(FLASH_END);
            case 6 -> successU32(GRANT_REGION_BEGIN);
            case 7 -> successU32(0);
            case 8, 9 -> failure(1);
            case 10 -> {
                stackTopHint = arg0;
                yield success();
            }
            case 11 -> {
                heapStartHint = arg0;
                yield success();
            }
            default -> failure(10);
        };
    }

    private boolean moveBreak(long newBreak) {
        if (newBreak < MEMORY_START || newBreak > GRANT_REGION_BEGIN) {
            return false;
        }
        appBreak = (int) newBreak;
        return true;
    }

    @Override
    public void exit(int which, int completionCode) {
        calls.add(new Syscall(Syscall.Kind.EXIT, which, completionCode, 0, 0));
        if (which == 0 || which == 1) {
            throw new ProcessExited(which, completionCode);
        }
    }

    @Override
    public int upcallAddress(Upcall fn) {
        int address = nextUpcallAddress;
        nextUpcallAddress += 4;
        upcallFunctions.put(address, fn);
        return address;
    }

    @Override
    public Memory memory() {
        return memory;
    }

    @Override
    public void busy(long cycles) {
        busyCycles += cycles;
    }

    private static long key(int high, int low) {
        return ((long) high << 32) | Integer.toUnsignedLong(low);
    }
}
