package org.tock4j.capsules.core.processconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessSizes;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.upcall.UpcallId;

/** The {@code process NAME} overview, byte for byte as Tock's {@code ProcessPrinterText} prints it. */
class ProcessPrinterTextTests {
    private final ProcessPrinterText printer = new ProcessPrinterText();

    private static Process blink() {
        Process process = mock(Process.class);
        when(process.getProcessName()).thenReturn("blink");
        when(process.getState()).thenReturn(new State.Stopped(new State.YieldedFor(new UpcallId(1, 2))));
        when(process.pendingTasks()).thenReturn(2);
        when(process.debugSyscallCount()).thenReturn(99);
        when(process.debugDroppedUpcallCount()).thenReturn(1);
        when(process.getRestartCount()).thenReturn(3);
        when(process.debugSyscallLast()).thenReturn(Optional.of(new Syscall.Command(1, 1, 5, 0)));
        when(process.getCompletionCode()).thenReturn(Optional.of(Optional.of(-1)));
        when(process.getAddresses()).thenReturn(new ProcessAddresses(0x0004_0000, 0x0004_0048, 0x0004_0800,
                0x0004_1000, 0x2000_4000, 0x2000_4C00, 0x2000_5E00, 0x2000_6000,
                OptionalInt.of(0x2000_4A00), OptionalInt.of(0x2000_4800), OptionalInt.of(0x2000_4700)));
        when(process.getSizes()).thenReturn(new ProcessSizes(56, 64, 180));
        return process;
    }

    @Test
    void overviewPrintsCountersLastSyscallCompletionCodeAndTheMemoryMap() {
        assertThat(printer.overview(blink())).isEqualTo(
                "\uD835\uDC00\uD835\uDC29\uD835\uDC29: blink   -   "
                + "[Stopped(YieldedFor(UpcallId { driver_num: 1, subscribe_num: 2 }))]\r\n"
                + " Events Queued: 2   Syscall Count: 99   Dropped Upcall Count: 1\r\n"
                + " Restart Count: 3\r\n"
                + " Last Syscall: Command { driver_number: 1, subdriver_number: 1, arg0: 5, arg1: 0 }\r\n"
                + " Completion Code: -1\r\n"
                + "\r\n"
                + "\r\n"
                + " ╔═══════════╤══════════════════════════════════════════╗\r\n"
                + " ║  Address  │ Region Name    Used | Allocated (bytes)  ║\r\n"
                + " ╚0x20006000═╪══════════════════════════════════════════╝\r\n"
                + "             │ Grant Ptrs       56\r\n"
                + "             │ Upcalls          64\r\n"
                + "             │ Process         180\r\n"
                + "  0x20005ED4 ┼───────────────────────────────────────────\r\n"
                + "             │ ▼ Grant         212\r\n"
                + "  0x20005E00 ┼───────────────────────────────────────────\r\n"
                + "             │ Unused\r\n"
                + "  0x20004C00 ┼───────────────────────────────────────────\r\n"
                + "             │ ▲ Heap          512 |   5120               S\r\n"
                + "  0x20004A00 ┼─────────────────────────────────────────── R\r\n"
                + "             │ Data            512 |    512               A\r\n"
                + "  0x20004800 ┼─────────────────────────────────────────── M\r\n"
                + "             │ ▼ Stack         256 |   2048          \r\n"
                + "  0x20004700 ┼───────────────────────────────────────────\r\n"
                + "             │ Unused\r\n"
                + "  0x20004000 ┴───────────────────────────────────────────\r\n"
                + "             .....\r\n"
                + "  0x00041000 ┬─────────────────────────────────────────── F\r\n"
                + "             │ App Flash      4024                        L\r\n"
                + "  0x00040048 ┼─────────────────────────────────────────── A\r\n"
                + "             │ Protected        72                        S\r\n"
                + "  0x00040000 ┴─────────────────────────────────────────── H\r\n");
    }

    @Test
    void unknownHeapAndStackPrintQuestionMarksAndAFaultPrintsFaulted() {
        Process hello = mock(Process.class);
        when(hello.getProcessName()).thenReturn("hello");
        when(hello.getState()).thenReturn(State.FAULTED);
        when(hello.debugSyscallCount()).thenReturn(5);
        when(hello.debugSyscallLast()).thenReturn(Optional.empty());
        when(hello.getCompletionCode()).thenReturn(Optional.of(Optional.empty()));
        when(hello.getAddresses()).thenReturn(new ProcessAddresses(0x0003_0000, 0x0003_0020, 0x0003_0200,
                0x0003_0400, 0x2000_8000, 0x2000_8100, 0x2000_8F00, 0x2000_9000,
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()));
        when(hello.getSizes()).thenReturn(new ProcessSizes(8, 16, 100));

        assertThat(printer.overview(hello)).isEqualTo(
                "\uD835\uDC00\uD835\uDC29\uD835\uDC29: hello   -   [Faulted]\r\n"
                + " Events Queued: 0   Syscall Count: 5   Dropped Upcall Count: 0\r\n"
                + " Restart Count: 0\r\n"
                + " Last Syscall: None\r\n"
                + " Completion Code: Faulted\r\n"
                + "\r\n"
                + "\r\n"
                + " ╔═══════════╤══════════════════════════════════════════╗\r\n"
                + " ║  Address  │ Region Name    Used | Allocated (bytes)  ║\r\n"
                + " ╚0x20009000═╪══════════════════════════════════════════╝\r\n"
                + "             │ Grant Ptrs        8\r\n"
                + "             │ Upcalls          16\r\n"
                + "             │ Process         100\r\n"
                + "  0x20008F84 ┼───────────────────────────────────────────\r\n"
                + "             │ ▼ Grant         132\r\n"
                + "  0x20008F00 ┼───────────────────────────────────────────\r\n"
                + "             │ Unused\r\n"
                + "  0x20008100 ┼───────────────────────────────────────────\r\n"
                + "             │ ▲ Heap            ? |      ?               S\r\n"
                + "  ?????????? ┼─────────────────────────────────────────── R\r\n"
                + "             │ Data              ? |      ?               A\r\n"
                + "  ?????????? ┼─────────────────────────────────────────── M\r\n"
                + "             │ ▼ Stack           ? |      ?\r\n"
                + "  0x00000000 ┼───────────────────────────────────────────\r\n"
                + "             │ Unused\r\n"
                + "  0x20008000 ┴───────────────────────────────────────────\r\n"
                + "             .....\r\n"
                + "  0x00030400 ┬─────────────────────────────────────────── F\r\n"
                + "             │ App Flash       992                        L\r\n"
                + "  0x00030020 ┼─────────────────────────────────────────── A\r\n"
                + "             │ Protected        32                        S\r\n"
                + "  0x00030000 ┴─────────────────────────────────────────── H\r\n");
    }

    @Test
    void aStackLargerThanItsAllocationIsMarkedExceeded() {
        Process process = blink();
        when(process.getAddresses()).thenReturn(new ProcessAddresses(0x0004_0000, 0x0004_0048, 0x0004_0800,
                0x0004_1000, 0x2000_4000, 0x2000_4C00, 0x2000_5E00, 0x2000_6000,
                OptionalInt.of(0x2000_4A00), OptionalInt.of(0x2000_4100), OptionalInt.of(0x2000_3F00)));

        assertThat(printer.overview(process)).contains("\r\n             │ ▼ Stack         512 |    256 EXCEEDED!\r\n");
    }

    @Test
    void lastSyscallsPrintAsRustDebugsThem() {
        assertThat(TockDebug.syscall(new Syscall.Subscribe(0, 1, 0x4_00A1, 0)))
                .isEqualTo("Subscribe { driver_number: 0, subdriver_number: 1,"
                        + " upcall_ptr: CapabilityPtr { ptr: 0x400a1 }, appdata: CapabilityPtr { ptr: 0x0 } }");
        assertThat(TockDebug.syscall(new Syscall.ReadOnlyAllow(1, 1, 0x2000_4010, 12)))
                .isEqualTo("ReadOnlyAllow { driver_number: 1, subdriver_number: 1, allow_address: 0x20004010,"
                        + " allow_size: 12 }");
        assertThat(TockDebug.syscall(new Syscall.Yield(1, 0, 0)))
                .isEqualTo("Yield { which: 1, param_a: 0, param_b: 0 }");
        assertThat(TockDebug.syscall(new Syscall.Memop(1, -4))).isEqualTo("Memop { operand: 1, arg0: 4294967292 }");
        assertThat(TockDebug.syscall(new Syscall.Exit(0, 3))).isEqualTo("Exit { which: 0, completion_code: 3 }");
    }

    @Test
    void slicesOfTheTransmitBufferSizeAddUpToTheWholeOverview() {
        Process process = blink();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        byte[] slice = new byte[ProcessConsole.WRITE_BUF_LEN];
        int slices = 0;
        OptionalInt offset = OptionalInt.of(0);
        while (offset.isPresent()) {
            ProcessPrinterText.Slice printed = printer.printOverview(process, slice, offset.getAsInt());
            joined.write(slice, 0, printed.length());
            offset = printed.nextOffset();
            slices++;
        }

        assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(printer.overview(process));
        assertThat(slices).isEqualTo(6);
    }
}
