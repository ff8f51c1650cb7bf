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
 */
package org.tock4j.testkit;
