package org.tock4j.benchmarks.apps;

import java.nio.charset.StandardCharsets;

import org.tock4j.benchmarks.capsule.BenchDriver;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Heap;
import org.tock4j.userland.libtock.Yield;

/**
 * Each operation is a console write's system calls, against the bench capsule: allow the buffer read-only,
 * subscribe the write-done callback, command "write", and yield-wait until the callback has run. The capsule
 * completes the write from a deferred call on the kernel's side, so each operation hands the CPU to the kernel
 * and back once.
 *
 * <p>libtock-c counterpart: {@code libtocksync_console_write} (allow, subscribe, command, yield until done).
 */
public final class ConsoleWriteShape extends BatchedApp {
    private static final byte[] LINE = "bench\r\n".getBytes(StandardCharsets.US_ASCII);

    private int buffer;
    private int onWriteDone;
    private boolean done;

    public ConsoleWriteShape(String name, BatchCounter counter) {
        super(name, counter);
    }

    @Override
    protected void setUp(Syscalls sys) {
        buffer = new Heap(sys).allocate(LINE.length);
        sys.memory().write(buffer, LINE, 0, LINE.length);
        onWriteDone = sys.upcallAddress((length, unused1, unused2, appData) -> done = true);
    }

    @Override
    protected void operation(Syscalls sys) {
        done = false;
        sys.allowReadOnly(BenchDriver.DRIVER_NUM, BenchDriver.ALLOW_RO_WRITE, buffer, LINE.length);
        sys.subscribe(BenchDriver.DRIVER_NUM, BenchDriver.UPCALL_WRITE_DONE, onWriteDone, 0);
        if (!sys.command(BenchDriver.DRIVER_NUM, BenchDriver.CMD_WRITE, LINE.length, 0).isSuccess()) {
            throw new IllegalStateException("the bench capsule refused a write");
        }
        while (!done) {
            sys.yield(Yield.WAIT, 0, 0);
        }
    }
}
