package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;

@TockBoard(value = "nrf52840dk", apps = "hello")
class HelloTests {

    @Test
    void helloPrintsHelloWorldOnTheConsoleUart(TestBoard board) {
        board.runFor(Duration.ofMillis(50));

        assertThat(board.console().text()).isEqualTo("Hello World!\r\n");
        assertThat(board.panic()).isEmpty();
    }

    @Test
    void helloKeepsYieldingAfterMainReturns(TestBoard board) {
        board.runFor(Duration.ofSeconds(1));

        assertThat(board.process("hello").state()).isEqualTo("Yielded");
        assertThat(board.process("hello").restarts()).isZero();
    }

    @Test
    void consoleBytesLeaveTheUartAtTheBaudRate(TestBoard board) {
        board.runFor(Duration.ofMillis(50));

        // 115200 baud, 8N1: ten bit times per byte, back to back within one DMA transfer.
        long byteTimeNs = 10 * 1_000_000_000L / 115_200;
        var bytes = board.console().transmitted();
        assertThat(bytes).hasSize(14);
        for (int i = 1; i < bytes.size(); i++) {
            assertThat(bytes.get(i).timeNs() - bytes.get(i - 1).timeNs()).isBetween(byteTimeNs, byteTimeNs + 1);
        }
    }
}
