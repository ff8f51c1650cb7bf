package org.tock4j.kernel.core.process;

import java.util.OptionalInt;

import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessSizes;

/**
 * Prints a process as Tock's panic report and process console do: a summary, the memory map, the grants and
 * the MPU configuration.
 *
 * <p>Tock counterpart: {@code capsules_system::process_printer::ProcessPrinterText} and
 * {@code ProcessStandard::print_full_process}.
 */
public final class ProcessPrinter {
    private ProcessPrinter() {}

    /** The summary and memory map (Tock's {@code ProcessPrinterText::print_overview}). */
    public static String printOverview(Process process) {
        StringBuilder out = new StringBuilder();
        ProcessAddresses a = process.getAddresses();
        ProcessSizes sizes = process.getSizes();
        int processStructLocation = a.sramEnd() - sizes.grantPointers() - sizes.upcallList()
                - sizes.processControlBlock();
        int sramGrantSize = processStructLocation - a.sramGrantStart();

        out.append(String.format("\uD835\uDC00\uD835\uDC29\uD835\uDC29: %s   -   [%s]\r\n", process.getProcessName(),
                stateDebug(process)));
        out.append(String.format(" Events Queued: %d   Syscall Count: %d   Dropped Upcall Count: %d\r\n",
                process.pendingTasks(), process.debugSyscallCount(), process.debugDroppedUpcallCount()));
        out.append(String.format(" Restart Count: %d\r\n", process.getRestartCount()));
        out.append(" Last Syscall: ").append(process.debugSyscallLast().map(Object::toString).orElse("None"))
                .append("\r\n");
        out.append(" Completion Code: ").append(process.getCompletionCode()
                .map(cc -> cc.map(Object::toString).orElse("Faulted")).orElse("None")).append("\r\n");
        out.append("\r\n");
        out.append("\r\n ╔═══════════╤══════════════════════════════════════════╗");
        out.append("\r\n ║  Address  │ Region Name    Used | Allocated (bytes)  ║");
        out.append(String.format("\r\n ╚%s═╪══════════════════════════════════════════╝", hex(a.sramEnd())));
        out.append(String.format("\r\n             │ Grant Ptrs   %6d", sizes.grantPointers()));
        out.append(String.format("\r\n             │ Upcalls      %6d", sizes.upcallList()));
        out.append(String.format("\r\n             │ Process      %6d", sizes.processControlBlock()));
        out.append(String.format("\r\n  %s ┼───────────────────────────────────────────", hex(processStructLocation)));
        out.append(String.format("\r\n             │ ▼ Grant      %6d", sramGrantSize));
        out.append(String.format("\r\n  %s ┼───────────────────────────────────────────", hex(a.sramGrantStart())));
        out.append("\r\n             │ Unused");
        out.append(String.format("\r\n  %s ┼───────────────────────────────────────────", hex(a.sramAppBrk())));
        if (a.sramHeapStart().isPresent()) {
            int heapStart = a.sramHeapStart().getAsInt();
            int heapSize = a.sramAppBrk() - heapStart;
            int heapAllocated = a.sramGrantStart() - heapStart;
            out.append(String.format("\r\n             │ ▲ Heap       %6d | %6d%s     S", heapSize, heapAllocated,
                    exceededCheck(heapSize, heapAllocated)));
            out.append(String.format("\r\n  %s ┼─────────────────────────────────────────── R", hex(heapStart)));
        } else {
            out.append("\r\n             │ ▲ Heap            ? |      ?               S");
            out.append("\r\n  ?????????? ┼─────────────────────────────────────────── R");
        }
        if (a.sramHeapStart().isPresent() && a.sramStackTop().isPresent()) {
            int dataSize = a.sramHeapStart().getAsInt() - a.sramStackTop().getAsInt();
            out.append(String.format("\r\n             │ Data         %6d | %6d               A", dataSize, dataSize));
        } else {
            out.append("\r\n             │ Data              ? |      ?               A");
        }
        OptionalInt top = a.sramStackTop();
        OptionalInt bottom = a.sramStackBottom();
        if (top.isPresent() && bottom.isPresent()) {
            int stackSize = top.getAsInt() - bottom.getAsInt();
            int stackAllocated = top.getAsInt() - a.sramStart();
            out.append(String.format("\r\n  %s ┼─────────────────────────────────────────── M", hex(top.getAsInt())));
            out.append(String.format("\r\n             │ ▼ Stack      %6d | %6d%s", stackSize, stackAllocated,
                    exceededCheck(stackSize, stackAllocated)));
        } else {
            out.append("\r\n  ?????????? ┼─────────────────────────────────────────── M");
            out.append("\r\n             │ ▼ Stack           ? |      ?");
        }
        int flashProtected = a.flashNonProtectedStart() - a.flashStart();
        int flashApp = a.flashEnd() - a.flashNonProtectedStart();
        out.append(String.format("\r\n  %s ┼───────────────────────────────────────────", hex(bottom.orElse(0))));
        out.append("\r\n             │ Unused");
        out.append(String.format("\r\n  %s ┴───────────────────────────────────────────", hex(a.sramStart())));
        out.append("\r\n             .....");
        out.append(String.format("\r\n  %s ┬─────────────────────────────────────────── F", hex(a.flashEnd())));
        out.append(String.format("\r\n             │ App Flash    %6d                        L", flashApp));
        out.append(String.format("\r\n  %s ┼─────────────────────────────────────────── A",
                hex(a.flashNonProtectedStart())));
        out.append(String.format("\r\n             │ Protected    %6d                        S", flashProtected));
        out.append(String.format("\r\n  %s ┴─────────────────────────────────────────── H\r\n", hex(a.flashStart())));
        return out.toString();
    }

    /** The registers, grants and MPU configuration (Tock's {@code print_full_process}). */
    static String printFull(ProcessStandard process, Kernel kernel, PhysicalMemory memory, String context) {
        StringBuilder out = new StringBuilder(printOverview(process));
        out.append(context);
        int numberGrants = kernel.getGrantCountAndFinalize();
        out.append(String.format("\r\n Total number of grant regions defined: %d\r\n", numberGrants));
        int rows = (numberGrants + 2) / 3;
        int table = process.grantPointerTableAddress();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                int index = i + rows * j;
                if (index >= numberGrants) {
                    break;
                }
                int driverNum = memory.read32(table + index * ProcessStandard.GRANT_POINTER_ENTRY_SIZE);
                int ptr = memory.read32(table + index * ProcessStandard.GRANT_POINTER_ENTRY_SIZE + 4);
                if (ptr == 0) {
                    out.append(String.format("  Grant %2d : --        ", index));
                } else {
                    out.append(String.format("  Grant %2d %#x: 0x%x", index, driverNum, ptr));
                }
            }
            out.append("\r\n");
        }
        out.append(process.mpuConfigDescription());
        return out.toString();
    }

    /** Tock's {@code {:?}} of a state. */
    public static String stateDebug(Process process) {
        return switch (process.getState()) {
            case org.tock4j.kernel.process.State.YieldedFor y -> "YieldedFor(" + y.upcallId() + ")";
            case org.tock4j.kernel.process.State.Stopped s -> "Stopped(" + s.previous().tockName() + ")";
            default -> process.getState().tockName();
        };
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }

    private static String exceededCheck(int size, int allocated) {
        return size > allocated ? " EXCEEDED!" : "          ";
    }
}
