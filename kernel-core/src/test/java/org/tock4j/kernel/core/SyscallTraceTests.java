package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.platform.mpu.NoMpu;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * {@code KernelConfig.traceSyscalls}: the debug line the kernel prints for each system call it handles, in the
 * format of Tock's {@code trace_syscalls} (seed {@code kernel.rs}, {@code handle_syscall}), including the
 * warnings when a capsule fails to allocate its grant; and silence when tracing is off. System calls are handed
 * to {@code Kernel.handleSyscall} directly, on a process that has just made a call.
 */
class SyscallTraceTests {
    /** A driver number whose hex and decimal forms differ visibly. */
    private static final int DRIVER = 0x4AB;
    /** Zero-length buffers are valid anywhere: the address only shows up in the trace. */
    private static final int BUFFER = 0x2000_4000;

    private final List<String> trace = new ArrayList<>();
    private TestBoard board;
    private TestDriver driver;
    private ProcessStandard process;
    private String id;

    @AfterEach
    void closeBoard() {
        if (board != null) {
            board.close();
        }
    }

    private void boot(boolean tracing) {
        board = new TestBoard(new NoMpu(), 4, KernelConfig.defaults().withTraceSyscalls(tracing).withDebug(trace::add));
        driver = new TestDriver(board, DRIVER, 1, 1, 1);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        process = board.process("a");
        // As if the process had started and made a call: it is Running.
        process.dequeueTask();
        process.setSyscallReturnValue(SyscallReturn.SUCCESS_VALUE);
        board.boundary("a").returns().clear();
        id = process.processid().toString();
    }

    private String handle(Syscall syscall) {
        board.kernel().handleSyscall(board.resources(), process, syscall);
        return board.boundary("a").returns().isEmpty() ? "" : board.boundary("a").lastReturn().toString();
    }

    @Test
    void memopIsTracedWithItsOperandArgumentInHexAndResult() {
        boot(true);

        String result = handle(new Syscall.Memop(1, 0x40));

        assertThat(trace).containsExactly("[" + id + "] memop(1, 0x40) = " + result);
        // sbrk answers with the old break.
        assertThat(result).startsWith("SuccessPtr(");
    }

    @Test
    void yieldIsTracedWithItsWhichEvenWhenTheWhichIsInvalid() {
        boot(true);

        handle(new Syscall.Yield(0, 0, 0));
        handle(new Syscall.Yield(7, 0, 0));
        handle(new Syscall.Yield(1, 0, 0));

        assertThat(trace).containsExactly("[" + id + "] yield. which: 0", "[" + id + "] yield. which: 7",
                "[" + id + "] yield. which: 1");
    }

    @Test
    void subscribeIsTracedWithDriverInHexUpcallPointerAppdataAndResult() {
        boot(true);

        String result = handle(new Syscall.Subscribe(DRIVER, 0, 0, 0x1234));

        // A successful subscribe first clears the upcalls queued for the old function (the process traces it).
        assertThat(trace).containsExactly("[" + id + "] remove_pending_upcalls[0x4ab:0] = 0 upcall(s) removed",
                "[" + id + "] subscribe(0x4ab, 0, @0x0, 0x1234) = " + result);
        assertThat(result).isEqualTo("SubscribeSuccess(0x0, 0)");
    }

    @Test
    void eachKindOfAllowIsTracedUnderItsOwnName() {
        boot(true);

        String readWrite = handle(new Syscall.ReadWriteAllow(DRIVER, 0, BUFFER, 0));
        String userspaceReadable = handle(new Syscall.UserspaceReadableAllow(DRIVER, 0, BUFFER, 0));
        String readOnly = handle(new Syscall.ReadOnlyAllow(DRIVER, 0, BUFFER, 0));

        assertThat(trace).containsExactly(
                "[" + id + "] read-write allow(0x4ab, 0, @0x20004000, 0) = " + readWrite,
                "[" + id + "] userspace readable allow(0x4ab, 0, @0x20004000, 0) = " + userspaceReadable,
                "[" + id + "] read-only allow(0x4ab, 0, @0x20004000, 0) = " + readOnly);
        assertThat(readWrite).startsWith("AllowReadWriteSuccess(");
        // The test driver keeps no userspace-readable buffers.
        assertThat(userspaceReadable).startsWith("UserspaceReadableAllowFailure(NOSUPPORT");
        assertThat(readOnly).startsWith("AllowReadOnlySuccess(");
    }

    @Test
    void aFilteredCallIsTracedAsRejectedAndNotAsTheCallItself() {
        boot(true);
        board.syscallFilter((p, s) -> Result.err(ErrorCode.RESERVE));
        Syscall command = new Syscall.Command(DRIVER, 1, 2, 3);

        String result = handle(command);
        handle(new Syscall.Yield(1, 0, 0)); // yield is never filtered

        assertThat(result).isEqualTo("Failure(RESERVE)");
        assertThat(trace).containsExactly("[" + id + "] Filtered: " + command + " was rejected with RESERVE",
                "[" + id + "] yield. which: 1");
        assertThat(driver.calls()).isEmpty();
    }

    @Test
    void aDriverThatDoesNotAllocateItsGrantIsTracedAsAWarningBeforeEachCallItFails() {
        boot(true);
        driver.allocation(TestDriver.Allocation.FAILS);
        String warning = "[" + id + "] WARN driver #4ab did not allocate grant";

        String subscribe = handle(new Syscall.Subscribe(DRIVER, 0, 0, 0));
        String readWrite = handle(new Syscall.ReadWriteAllow(DRIVER, 0, BUFFER, 0));
        String readOnly = handle(new Syscall.ReadOnlyAllow(DRIVER, 0, BUFFER, 0));

        assertThat(List.of(subscribe, readWrite, readOnly)).allSatisfy(r -> assertThat(r).contains("NOMEM"));
        assertThat(trace).containsExactly(
                warning, "[" + id + "] subscribe(0x4ab, 0, @0x0, 0x0) = " + subscribe,
                warning, "[" + id + "] read-write allow(0x4ab, 0, @0x20004000, 0) = " + readWrite,
                warning, "[" + id + "] read-only allow(0x4ab, 0, @0x20004000, 0) = " + readOnly);
    }

    @Test
    void aDriverThatClaimsToAllocateWithoutAllocatingIsTracedAsAnError() {
        boot(true);
        driver.allocation(TestDriver.Allocation.CLAIMS_OK_WITHOUT_ALLOCATING);
        String error = "[" + id + "] ERROR driver #4ab allocated wrong grant counts";

        String subscribe = handle(new Syscall.Subscribe(DRIVER, 0, 0, 0));
        String readWrite = handle(new Syscall.ReadWriteAllow(DRIVER, 0, BUFFER, 0));
        String readOnly = handle(new Syscall.ReadOnlyAllow(DRIVER, 0, BUFFER, 0));

        assertThat(trace).containsExactly(
                error, "[" + id + "] subscribe(0x4ab, 0, @0x0, 0x0) = " + subscribe,
                error, "[" + id + "] read-write allow(0x4ab, 0, @0x20004000, 0) = " + readWrite,
                error, "[" + id + "] read-only allow(0x4ab, 0, @0x20004000, 0) = " + readOnly);
    }

    @Test
    void withTracingOffNothingIsPrintedForAnyCall() {
        boot(false);
        board.syscallFilter((p, s) -> s instanceof Syscall.Command ? Result.err(ErrorCode.RESERVE) : Result.ok());
        driver.allocation(TestDriver.Allocation.FAILS);

        handle(new Syscall.Command(DRIVER, 1, 2, 3));
        handle(new Syscall.Memop(1, 0));
        handle(new Syscall.Subscribe(DRIVER, 0, 0, 0));
        driver.allocation(TestDriver.Allocation.CLAIMS_OK_WITHOUT_ALLOCATING);
        handle(new Syscall.ReadWriteAllow(DRIVER, 0, BUFFER, 0));
        handle(new Syscall.UserspaceReadableAllow(DRIVER, 0, BUFFER, 0));
        handle(new Syscall.ReadOnlyAllow(DRIVER, 0, BUFFER, 0));
        handle(new Syscall.Yield(0, 0, 0));
        handle(new Syscall.Exit(5, 0));

        assertThat(trace).isEmpty();
        assertThat(board.boundary("a").returns()).hasSize(7);
    }
}
