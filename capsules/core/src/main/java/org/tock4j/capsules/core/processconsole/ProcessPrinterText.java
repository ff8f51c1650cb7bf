package org.tock4j.capsules.core.processconsole;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessSizes;

/**
 * Prints a process as a human-readable overview: its name and state, its counters, the last system call, the
 * completion code, and a map of its RAM (grant region, heap, data, stack) and flash.
 *
 * <p>The overview is longer than the console's transmit buffer, so it is printed in slices:
 * {@link #printOverview} writes the bytes from a given offset that fit and says where the next slice starts,
 * as Tock's printer does with its {@code ProcessPrinterContext}. Tock formats the whole text on every call and
 * skips the bytes already sent; the result is the same byte stream.
 *
 * <p>Tock counterpart: {@code capsules_system::process_printer::ProcessPrinterText}, an implementation of
 * {@code kernel::process::ProcessPrinter}. It lives here because kernel-api has no {@code ProcessPrinter} SPI
 * and a capsule cannot reach kernel-core's printer.
 */
final class ProcessPrinterText {

    /** Rust's {@code ╔══...}: the memory map's frame, 42 wide. */
    private static final String WIDE_LINE = "═".repeat(42);
    /** The memory map's separators, 43 wide. */
    private static final String RULE = "─".repeat(43);

    /** One slice of the overview: how many bytes were written, and where the next slice starts if any. */
    record Slice(int length, OptionalInt nextOffset) {}

    /** Writes the overview's bytes from {@code offset} into {@code out} from index 0, as many as fit. */
    Slice printOverview(Process process, byte[] out, int offset) {
        byte[] text = overview(process).getBytes(StandardCharsets.UTF_8);
        int start = Math.min(offset, text.length);
        int count = Math.min(text.length - start, out.length);
        System.arraycopy(text, start, out, 0, count);
        return new Slice(count, start + count < text.length ? OptionalInt.of(start + count) : OptionalInt.empty());
    }

    /** The whole overview, as Tock formats it. */
    String overview(Process process) {
        ProcessAddresses addresses = process.getAddresses();
        ProcessSizes sizes = process.getSizes();
        int processStructMemoryLocation = addresses.sramEnd() - sizes.grantPointers() - sizes.upcallList()
                - sizes.processControlBlock();
        int sramGrantSize = processStructMemoryLocation - addresses.sramGrantStart();

        StringBuilder out = new StringBuilder();
        // "App" in mathematical bold capitals, as Tock prints it.
        out.append("\uD835\uDC00\uD835\uDC29\uD835\uDC29: ").append(process.getProcessName())
                .append("   -   [").append(TockDebug.state(process.getState())).append(']');
        out.append("\r\n Events Queued: ").append(process.pendingTasks())
                .append("   Syscall Count: ").append(TockDebug.usize(process.debugSyscallCount()))
                .append("   Dropped Upcall Count: ").append(TockDebug.usize(process.debugDroppedUpcallCount()));
        out.append("\r\n Restart Count: ").append(TockDebug.usize(process.getRestartCount())).append("\r\n");

        out.append(" Last Syscall: ")
                .append(process.debugSyscallLast().map(TockDebug::syscall).orElse("None")).append("\r\n");

        // Tock prints the code as an isize: a signed 32-bit number on these chips.
        out.append(" Completion Code: ").append(process.getCompletionCode()
                .map(code -> code.map(String::valueOf).orElse("Faulted"))
                .orElse("None")).append("\r\n");

        out.append("\r\n");
        out.append("\r\n ╔═══════════╤").append(WIDE_LINE).append('╗');
        out.append("\r\n ║  Address  │ Region Name    Used | Allocated (bytes)  ║");
        out.append("\r\n ╚").append(TockDebug.hex010(addresses.sramEnd())).append("═╪").append(WIDE_LINE).append('╝');
        out.append("\r\n             │ Grant Ptrs   ").append(width6(sizes.grantPointers()));
        out.append("\r\n             │ Upcalls      ").append(width6(sizes.upcallList()));
        out.append("\r\n             │ Process      ").append(width6(sizes.processControlBlock()));
        out.append("\r\n  ").append(TockDebug.hex010(processStructMemoryLocation)).append(" ┼").append(RULE);
        out.append("\r\n             │ ▼ Grant      ").append(width6(sramGrantSize));
        out.append("\r\n  ").append(TockDebug.hex010(addresses.sramGrantStart())).append(" ┼").append(RULE);
        out.append("\r\n             │ Unused");
        out.append("\r\n  ").append(TockDebug.hex010(addresses.sramAppBrk())).append(" ┼").append(RULE);

        if (addresses.sramHeapStart().isPresent()) {
            int heapStart = addresses.sramHeapStart().getAsInt();
            int heapSize = addresses.sramAppBrk() - heapStart;
            int heapAllocated = addresses.sramGrantStart() - heapStart;
            out.append("\r\n             │ ▲ Heap       ").append(width6(heapSize)).append(" | ")
                    .append(width6(heapAllocated)).append(exceededCheck(heapSize, heapAllocated)).append("     S");
            out.append("\r\n  ").append(TockDebug.hex010(heapStart)).append(" ┼").append(RULE).append(" R");
        } else {
            out.append("\r\n             │ ▲ Heap            ? |      ?               S");
            out.append("\r\n  ?????????? ┼").append(RULE).append(" R");
        }

        if (addresses.sramHeapStart().isPresent() && addresses.sramStackTop().isPresent()) {
            int dataSize = addresses.sramHeapStart().getAsInt() - addresses.sramStackTop().getAsInt();
            out.append("\r\n             │ Data         ").append(width6(dataSize)).append(" | ")
                    .append(width6(dataSize)).append("               A");
        } else {
            out.append("\r\n             │ Data              ? |      ?               A");
        }

        if (addresses.sramStackTop().isPresent() && addresses.sramStackBottom().isPresent()) {
            int stackTop = addresses.sramStackTop().getAsInt();
            int stackSize = stackTop - addresses.sramStackBottom().getAsInt();
            int stackAllocated = stackTop - addresses.sramStart();
            out.append("\r\n  ").append(TockDebug.hex010(stackTop)).append(" ┼").append(RULE).append(" M");
            out.append("\r\n             │ ▼ Stack      ").append(width6(stackSize)).append(" | ")
                    .append(width6(stackAllocated)).append(exceededCheck(stackSize, stackAllocated));
        } else {
            out.append("\r\n  ?????????? ┼").append(RULE).append(" M");
            out.append("\r\n             │ ▼ Stack           ? |      ?");
        }

        int flashProtectedSize = addresses.flashNonProtectedStart() - addresses.flashStart();
        int flashAppSize = addresses.flashEnd() - addresses.flashNonProtectedStart();
        out.append("\r\n  ").append(TockDebug.hex010(addresses.sramStackBottom().orElse(0))).append(" ┼").append(RULE);
        out.append("\r\n             │ Unused");
        out.append("\r\n  ").append(TockDebug.hex010(addresses.sramStart())).append(" ┴").append(RULE);
        out.append("\r\n             .....");
        out.append("\r\n  ").append(TockDebug.hex010(addresses.flashEnd())).append(" ┬").append(RULE).append(" F");
        out.append("\r\n             │ App Flash    ").append(width6(flashAppSize))
                .append("                        L");
        out.append("\r\n  ").append(TockDebug.hex010(addresses.flashNonProtectedStart())).append(" ┼").append(RULE)
                .append(" A");
        out.append("\r\n             │ Protected    ").append(width6(flashProtectedSize))
                .append("                        S");
        out.append("\r\n  ").append(TockDebug.hex010(addresses.flashStart())).append(" ┴").append(RULE)
                .append(" H");
        out.append("\r\n");
        return out.toString();
    }

    /** Rust's {@code {:6}} of a {@code usize}. */
    private static String width6(int value) {
        return String.format("%6s", TockDebug.usize(value));
    }

    /** A warning when a region outgrew what was allocated for it. */
    private static String exceededCheck(int size, int allocated) {
        return Integer.compareUnsigned(size, allocated) > 0 ? " EXCEEDED!" : "          ";
    }
}
