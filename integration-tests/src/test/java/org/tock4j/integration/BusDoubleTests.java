package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.SyscallRecord;
import org.tock4j.chips.nrf52.Nrf52840;
import org.tock4j.chips.nrf52.Spim;
import org.tock4j.chips.nrf52.Twim;
import org.tock4j.chips.sam4l.Sam4l;
import org.tock4j.chips.sam4l.SpiHw;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.testkit.I2cDeviceDouble;
import org.tock4j.testkit.I2cTransaction;
import org.tock4j.testkit.I2cTransaction.Direction;
import org.tock4j.testkit.I2cTransaction.Outcome;
import org.tock4j.testkit.SpiDeviceDouble;
import org.tock4j.testkit.SpiTransaction;
import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;

/**
 * Dummy I2C and SPI devices that record and answer transfers (Renode's {@code DummyI2CSlave} and
 * {@code DummySPISlave}), and the I2C NACK they inject.
 */
class BusDoubleTests {

    private static final int SI7021 = 0x40;
    private static final int MEASURE_TEMPERATURE_NO_HOLD = 0xF3;

    // ---- I2C: the Si7021 of imix and hail ----

    @ParameterizedTest
    @CsvSource({"imix, i2c2", "hail, i2c1"})
    void aDoubleInFrontOfTheSi7021RecordsEveryTransactionOfATemperatureReading(String boardName, String bus) {
        try (TestBoard board = TestBoard.boot(BootRequest.board(boardName).apps("sensors"))) {
            I2cDeviceDouble si7021 = board.attachI2c(bus, SI7021);
            board.console().waitForText("Temperature: ", Duration.ofSeconds(1));

            // Tock's Si7021 driver: "measure, no hold master", 20 ms of conversion (as the AST counts them: it is
            // declared at 16 kHz and counts 16384 Hz, so 19.5 ms), then two 2-byte reads.
            List<I2cTransaction> t = si7021.transactions();
            assertThat(si7021.deviceBehind()).isPresent();
            assertThat(t).hasSize(3);
            assertThat(t).extracting(I2cTransaction::direction).containsExactly(Direction.WRITE, Direction.READ,
                    Direction.READ);
            assertThat(t.get(0).written()).containsExactly(MEASURE_TEMPERATURE_NO_HOLD);
            assertThat(t.get(1).read()).hasSize(2).isEqualTo(t.get(2).read());
            assertThat(t).extracting(I2cTransaction::outcome).containsOnly(Outcome.ACK);
            assertThat(t).allSatisfy(x -> assertThat(x.isEnded()).isTrue());
            assertThat(t.get(1).startNs() - t.get(0).endNs()).isBetween(19_500_000L, 20_000_000L);
            assertThat(t.get(0).toString()).endsWith("0x40 write F3 (ACK)");
        }
    }

    @Test
    @TockBoard(value = "imix", apps = "sensors")
    void aNackedAddressFailsTheReadingWhichTheTemperatureCapsuleSendsToNobody(TestBoard board) {
        board.sensor("temperature").set(23.5);
        I2cDeviceDouble si7021 = board.attachI2c("i2c2", SI7021);
        board.console().waitForText("Temperature: 23.49 C", Duration.ofSeconds(1));
        int readsBefore = temperatureReads(board);

        si7021.nackAddress();
        board.runFor(Duration.ofSeconds(3));

        // The next reading's command is NACKed at its address: Tock's I2C driver reports AddressNak, the Si7021
        // driver ends the reading with NOACK, and the temperature capsule sends a failed reading to nobody. The
        // app's read never returns: it asked (command Success) and waits.
        I2cTransaction last = si7021.transactions().get(si7021.transactions().size() - 1);
        assertThat(last.outcome()).isEqualTo(Outcome.ADDRESS_NACK);
        assertThat(last.direction()).isEqualTo(Direction.WRITE);
        assertThat(last.written()).isEmpty();
        assertThat(board.console().text().split("Temperature", -1)).hasSize(2);
        assertThat(temperatureReads(board)).isEqualTo(readsBefore + 1);
        assertThat(board.syscalls().stream().filter(r -> r instanceof SyscallRecord.Upcall).count())
                .isEqualTo(upcallsBefore(board, last.startNs()));
    }

    @Test
    @TockBoard(value = "hail", apps = "sensors")
    void aNackedCommandByteIsADataNack(TestBoard board) {
        I2cDeviceDouble si7021 = board.attachI2c("i2c1", SI7021).nackWrite(MEASURE_TEMPERATURE_NO_HOLD);
        board.runFor(Duration.ofMillis(500));

        assertThat(si7021.transactions()).first().satisfies(t -> {
            assertThat(t.written()).containsExactly(MEASURE_TEMPERATURE_NO_HOLD);
            assertThat(t.outcome()).isEqualTo(Outcome.DATA_NACK);
        });
        assertThat(board.console().text()).doesNotContain("Temperature");

        // Acknowledged again, the next reading (the app is still waiting for one) needs someone to ask: the
        // capsule starts readings only on request.
        si7021.clearNacks();
        board.runFor(Duration.ofSeconds(2));
        assertThat(board.console().text()).doesNotContain("Temperature");
    }

    @Test
    @TockBoard(value = "imix", apps = "sensors")
    void scriptedRepliesAnswerInsteadOfTheDeviceBehind(TestBoard board) {
        // Two 2-byte reads per reading; the driver converts the second: 0x664C is 23.36 °C by Tock's formula.
        board.sensor("temperature").set(23.5);
        board.attachI2c("i2c2", SI7021).reply(0x00, 0x00, 0x66, 0x4C);

        board.console().waitForText("Temperature: 23.36 C", Duration.ofSeconds(1));
        // The queue is empty now: the next reading comes from the Si7021 model again.
        board.console().waitForText("Temperature: 23.49 C", Duration.ofSeconds(2));
    }

    @Test
    @TockBoard(value = "imix", apps = "sensors")
    void detachingPutsTheDeviceBehindBackAlone(TestBoard board) {
        I2cDeviceDouble si7021 = board.attachI2c("i2c2", SI7021).nackAddress();
        board.runFor(Duration.ofMillis(100));
        si7021.detach();
        int recorded = si7021.transactions().size();

        // The app still waits for the reading that failed; the device is back, but nobody asks it.
        board.runFor(Duration.ofSeconds(2));
        assertThat(si7021.transactions()).hasSize(recorded);
    }

    // ---- I2C: a double at a free address, driven through the chip's I2C HIL ----

    @Test
    @TockBoard(apps = "hello")
    void aRegisterMapAnswersWriteThenReadTransfers(TestBoard board) {
        I2cDeviceDouble sensor = board.attachI2c("i2c0", 0x48).register(0x10, 0xCA, 0xFE);
        assertThat(sensor.deviceBehind()).isEmpty();
        Twim twim = board.chip(Nrf52840.class).twim0();
        List<String> completions = new ArrayList<>();
        twim.configure(27, 26);
        twim.setMasterClient((buffer, status) -> completions.add(status.isOk() + " " + hex(buffer, 2)));
        twim.enable();

        byte[] buffer = {0x10, 0};
        assertThat(twim.writeRead(0x48, buffer, 1, 2).isOk()).isTrue();
        board.runFor(Duration.ofMillis(5));

        assertThat(completions).containsExactly("true CA FE");
        assertThat(sensor.transactions()).extracting(I2cTransaction::direction)
                .containsExactly(Direction.WRITE, Direction.READ);
        assertThat(sensor.transactions().get(1).read()).containsExactly(0xCA, 0xFE);

        // A write stores into the registers: register 0x11 becomes 0x01.
        byte[] write = {0x11, 0x01};
        twim.write(0x48, write, 2);
        board.runFor(Duration.ofMillis(5));
        assertThat(sensor.registerValue(0x11)).isEqualTo(0x01);
    }

    @Test
    @TockBoard(apps = "hello")
    void anUnknownBusPinOrChipOrAnAddressBeyondSevenBitsIsRefused(TestBoard board) {
        assertThatThrownBy(() -> board.attachI2c("i2c9", 0x40)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no I2C bus named 'i2c9'").hasMessageContaining("i2c0");
        assertThatThrownBy(() -> board.attachI2c("i2c0", 0x80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> board.attachSpi("spi0", "P9.99")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no pin named 'P9.99'");
        assertThatThrownBy(() -> board.chip(Sam4l.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("board nrf52840dk has a Nrf52840, not a Sam4l");
    }

    // ---- SPI, through the chip's SPI HIL ----

    @Test
    @TockBoard(apps = "hello")
    void anSpiDoubleBehindAGpioChipSelectRecordsTheSelectionAndAnswers(TestBoard board) {
        Spim spim = board.chip(Nrf52840.class).spim0();
        List<String> completions = new ArrayList<>();
        spim.configure(22, 23, 24);
        spim.specifyChipSelect(20);
        spim.setRate(1_000_000);
        spim.setClient((write, read, status) -> completions.add(status + " " + hex(read, 4)));
        SpiDeviceDouble flash = board.attachSpi("spi0", "P0.20").reply(0x00, 0xEF, 0x40, 0x18);

        byte[] tx = {(byte) 0x9F, 0, 0, 0};
        assertThat(spim.readWriteBytes(tx, new byte[4], 4).isOk()).isTrue();
        board.runFor(Duration.ofMillis(1));

        assertThat(completions).containsExactly("Ok[value=4] 00 EF 40 18");
        assertThat(flash.transactions()).singleElement().satisfies(t -> {
            assertThat(t.mosi()).containsExactly(0x9F, 0x00, 0x00, 0x00);
            assertThat(t.miso()).containsExactly(0x00, 0xEF, 0x40, 0x18);
            assertThat(t.isEnded()).isTrue();
            // Four bytes of eight clocks at 1 MHz.
            assertThat(t.endNs() - t.startNs()).isEqualTo(32_000);
        });
    }

    @Test
    @TockBoard(value = "imix", apps = "hello")
    void anSpiDoubleBehindASam4lNpcsLineRecordsEachSelection(TestBoard board) {
        SpiHw spi = board.chip(Sam4l.class).spi();
        List<String> completions = new ArrayList<>();
        spi.init();
        spi.specifyChipSelect(2);
        spi.setRate(4_000_000);
        spi.setClient((write, read, status) -> completions.add(status + " " + hex(read, 2)));
        SpiDeviceDouble radio = board.attachSpi("spi", "NPCS2").reply(0xA1, 0xA2).idleReply(0x55);

        spi.readWriteBytes(new byte[] {1, 2}, new byte[2], 2);
        board.runFor(Duration.ofMillis(1));
        spi.readWriteBytes(new byte[] {3, 4}, new byte[2], 2);
        board.runFor(Duration.ofMillis(1));

        assertThat(completions).containsExactly("Ok[value=2] A1 A2", "Ok[value=2] 55 55");
        assertThat(radio.transactions()).extracting(SpiTransaction::mosi)
                .containsExactly(List.of(1, 2), List.of(3, 4));
        assertThat(radio.received()).containsExactly(1, 2, 3, 4);
    }

    private static String hex(byte[] bytes, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    /** How many times the app asked the temperature capsule for a reading. */
    private static int temperatureReads(TestBoard board) {
        return (int) board.syscallsOf("sensors").stream()
                .filter(c -> c.syscall() instanceof Syscall.Command cmd && cmd.driverNumber() == 0x60000
                        && cmd.subdriverNumber() == 1)
                .count();
    }

    /** Upcalls delivered before {@code timeNs}. */
    private static long upcallsBefore(TestBoard board, long timeNs) {
        return board.syscalls().stream().filter(r -> r instanceof SyscallRecord.Upcall u && u.timeNs() < timeNs)
                .count();
    }
}
