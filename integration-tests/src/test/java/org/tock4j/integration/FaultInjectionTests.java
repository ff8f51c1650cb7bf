package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.SyscallRecord;
import org.tock4j.chips.sam4l.Flashcalw;
import org.tock4j.chips.sam4l.Sam4l;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.flash.Client;
import org.tock4j.kernel.hil.flash.FlashError;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Console;
import org.tock4j.userland.libtock.Libtock;
import org.tock4j.userland.libtock.TockException;

/**
 * Fault injection through the testkit: an interrupt lost on its way to the NVIC, a UART frame with a framing
 * error, a flash page write that fails. Each test shows what Tock's drivers and capsules then do.
 */
class FaultInjectionTests {

    /** Reads the console three bytes at a time, forever, and prints each read in hex (or its failure). */
    public static final class ConsoleReader implements App {
        @Override
        public String name() {
            return "reader";
        }

        @Override
        public void main(Syscalls sys) {
            Console console = new Libtock(sys).console();
            byte[] buffer = new byte[3];
            while (true) {
                try {
                    int n = console.read(buffer, 0, buffer.length);
                    StringBuilder line = new StringBuilder("read");
                    for (int i = 0; i < n; i++) {
                        line.append(String.format(" %02X", buffer[i] & 0xFF));
                    }
                    console.write(line.append("\r\n").toString());
                } catch (TockException e) {
                    console.write("read failed: " + e.returnCode() + "\r\n");
                }
            }
        }
    }

    /** The virtual times of the LED's changes after {@code fromNs}. */
    private static List<Long> changesAfter(TestBoard board, long fromNs) {
        return board.led(0).changes().stream().map(c -> c.timeNs()).filter(t -> t > fromNs).toList();
    }

    // ---- dropped interrupts ----

    @ParameterizedTest
    @CsvSource({"nrf52840dk, RTC1", "imix, AST", "hail, AST"})
    void aDroppedAlarmInterruptStallsEveryAlarmOnThatTimer(String boardName, String alarm) {
        try (TestBoard board = TestBoard.boot(BootRequest.board(boardName).apps("blink"))) {
            board.runFor(Duration.ofMillis(1100));
            assertThat(board.led(0)).blinkedTimes(2);
            long armedAt = board.nowNs();

            board.faults().dropNextInterrupt(alarm);
            board.runFor(Duration.ofSeconds(3));

            // The compare event (SR.ALARM0 on the AST) stays set and its line high, so the NVIC never sees another
            // request; Tock's alarm mux waits for an alarm that already fired, and blink waits with it.
            assertThat(board.faults().droppedInterrupts(alarm)).isEqualTo(1);
            assertThat(changesAfter(board, armedAt)).isEmpty();
            assertThat(board.process("blink").state()).startsWith("Yielded");
        }
    }

    @Test
    @TockBoard(apps = "blink")
    void withoutADropTheSameBoardKeepsBlinking(TestBoard board) {
        board.runFor(Duration.ofMillis(1100));
        long armedAt = board.nowNs();
        board.runFor(Duration.ofSeconds(3));

        assertThat(board.faults().droppedInterrupts("RTC1")).isZero();
        assertThat(changesAfter(board, armedAt)).hasSizeGreaterThan(10);
    }

    @Test
    @TockBoard(apps = "hello")
    void aDroppedConsoleInterruptLeavesTheWriteUnfinished(TestBoard board) {
        board.faults().dropNextInterrupt("UARTE0");
        board.runFor(Duration.ofMillis(100));

        // The bytes leave on the line, but ENDTX never reaches Tock's UARTE driver: the console capsule never
        // hears the write complete, and neither does the app (still waiting for its write-done upcall).
        assertThat(board.console()).containsText("Hello World!");
        long writeAt = board.syscallsOf("hello").stream().filter(c -> c.syscall() instanceof Syscall.Command)
                .reduce((a, b) -> b).orElseThrow().timeNs();
        assertThat(board.syscalls()).filteredOn(r -> r instanceof SyscallRecord.Upcall && r.timeNs() > writeAt)
                .isEmpty();
        assertThat(board.faults().droppedInterrupts("UARTE0")).isEqualTo(1);
    }

    @Test
    @TockBoard(apps = "hello")
    void anUnknownInterruptNameIsRefusedListingTheKnownOnes(TestBoard board) {
        assertThatThrownBy(() -> board.faults().dropNextInterrupt("RTC7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the nRF52840 has no interrupt named 'RTC7' (known: POWER_CLOCK, UARTE0,")
                .hasMessageContaining("RTC1").hasMessageContaining("GPIOTE");
        assertThat(board.faults().interruptNames()).contains("RTC0", "RTC1", "RTC2", "UARTE0", "UARTE1");
    }

    @Test
    @TockBoard(value = "imix", apps = "hello")
    void theSam4lNamesItsOwnInterrupts(TestBoard board) {
        assertThat(board.faults().interruptNames()).contains("AST", "USART3", "TWIM2", "FLASHCALW", "GPIO0");
        assertThatThrownBy(() -> board.faults().dropNextInterrupt("RTC1"))
                .hasMessageStartingWith("the SAM4L has no interrupt named 'RTC1' (known: FLASHCALW, PDCA0,");
    }

    @Test
    @TockBoard(boardFile = "../examples/boards/two-led-nrf52840.yaml", apps = "blink")
    void aBoardFileBoardInjectsFaultsToo(TestBoard board) {
        board.runFor(Duration.ofMillis(600));
        long armedAt = board.nowNs();
        board.faults().dropNextInterrupt("RTC1");
        board.runFor(Duration.ofSeconds(2));

        assertThat(board.faults().droppedInterrupts("RTC1")).isEqualTo(1);
        assertThat(changesAfter(board, armedAt)).isEmpty();
    }

    @Test
    @TockBoard(boardFile = "../examples/boards/sensor-sam4l.yaml", apps = "blink")
    void aSam4lBoardFileBoardInjectsFaultsToo(TestBoard board) {
        board.runFor(Duration.ofMillis(600));
        long armedAt = board.nowNs();
        board.faults().dropNextInterrupt("AST");
        board.runFor(Duration.ofSeconds(2));

        assertThat(board.faults().droppedInterrupts("AST")).isEqualTo(1);
        assertThat(changesAfter(board, armedAt)).isEmpty();
    }

    // ---- UART framing errors ----

    @Test
    @TockBoard(appClasses = ConsoleReader.class)
    void onTheNrf52AFramingErrorDropsTheByteAndTheReadGoesOn(TestBoard board) {
        board.runFor(Duration.ofMillis(10));
        board.console().type("a").sendFramingError().type("bc");

        // The UARTE sets ERRORSRC.FRAMING and ERROR and stores nothing for the bad frame; Tock's driver enables
        // no ERROR interrupt, so the read completes with the three good bytes.
        board.console().waitForText("read 61 62 63\r\n", Duration.ofSeconds(1));
        assertThat(board.console().text()).doesNotContain("failed");
    }

    @Test
    @TockBoard(value = "imix", appClasses = ConsoleReader.class)
    void onTheSam4lAFramingErrorAbortsTheUsartReceptionButTheUartMuxReadsOn(TestBoard board) {
        board.runFor(Duration.ofMillis(10));
        board.console().type("a").sendFramingError().type("bc");

        // The USART receives the bad frame (a break: 0x00) with CSR.FRAME; the PDCA has already moved it when
        // Tock's USART driver aborts the reception with FramingError. Tock's MuxUart passes an error on only to a
        // client whose read is complete; the console's is not, so the mux reads on: the app gets the bad frame's
        // byte, and no error.
        board.console().waitForText("read 61 00 62\r\n", Duration.ofSeconds(1));
        board.runFor(Duration.ofMillis(100));
        assertThat(board.console().text()).doesNotContain("failed");
    }

    // ---- flash write failures ----

    @Test
    @TockBoard(value = "imix", apps = "hello")
    void aFailedFlashWriteOnTheSam4lIsProgeWhichTocksDriverDoesNotReport(TestBoard board) {
        Flashcalw flash = board.chip(Sam4l.class).flash();
        List<String> heard = new ArrayList<>();
        flash.setClient(new Client() {
            @Override
            public void readComplete(byte[] page, Result<Void, FlashError> result) {
                heard.add("read " + (result.isOk() ? "ok" : result.unwrapErr()) + " " + (page[0] & 0xFF));
            }

            @Override
            public void writeComplete(byte[] page, Result<Void, FlashError> result) {
                heard.add("write " + (result.isOk() ? "ok" : result.unwrapErr()));
            }

            @Override
            public void eraseComplete(Result<Void, FlashError> result) {
                heard.add("erase " + (result.isOk() ? "ok" : result.unwrapErr()));
            }
        });
        int page = 500; // below imix's app flash (0x40000..)
        byte[] data = new byte[flash.pageSize()];
        Arrays.fill(data, (byte) 0x42);

        board.faults().failNextFlashWrite();
        assertThat(flash.writePage(page, data).isOk()).isTrue();
        board.runFor(Duration.ofMillis(20));
        assertThat(flash.readPage(page, new byte[flash.pageSize()]).isOk()).isTrue();
        board.runFor(Duration.ofMillis(1));

        // The FLASHCALW refused the write page command with FSR.PROGE; Tock's driver reads FSR for LOCKE first,
        // which clears PROGE, so it reports success. Reading the page back shows it erased.
        assertThat(heard).containsExactly("write ok", "read ok 255");

        // The fault was for one write: the next one programs.
        heard.clear();
        flash.writePage(page, data);
        board.runFor(Duration.ofMillis(20));
        flash.readPage(page, new byte[flash.pageSize()]);
        board.runFor(Duration.ofMillis(1));
        assertThat(heard).containsExactly("write ok", "read ok 66");
    }
}
