/**
 * Board-level testing for JUnit 5: boot a board with apps, run it on virtual time, and assert on what it did.
 *
 * <pre>{@code
 * @TockBoard(value = "nrf52840dk", apps = "blink")
 * class BlinkTests {
 *     @Test
 *     void firstLedTogglesEvery250Ms(TestBoard board) {
 *         board.runFor(Duration.ofSeconds(1));
 *         assertThat(board.led(0).changes()).hasSizeGreaterThan(3);
 *     }
 * }
 * }</pre>
 *
 * <p>The outside world and its faults: {@link org.tock4j.testkit.UartView#sendFramingError()},
 * {@code board.faults().dropNextInterrupt("RTC1")}, {@code board.faults().failNextFlashWrite()}, and
 * {@link org.tock4j.testkit.I2cDeviceDouble} / {@link org.tock4j.testkit.SpiDeviceDouble} on the board's buses
 * ({@code board.attachI2c("i2c2", 0x40).nackAddress()}).
 */
package org.tock4j.testkit;
