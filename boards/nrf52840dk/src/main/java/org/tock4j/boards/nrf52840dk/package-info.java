/**
 * The Nordic nRF52840-DK board.
 *
 * <pre>{@code
 * Board board = Board.boot(BootRequest.board("nrf52840dk").apps("blink"));
 * }</pre>
 */
package org.tock4j.boards.nrf52840dk;
