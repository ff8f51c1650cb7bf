/**
 * The Hail board (SAM4L).
 *
 * <pre>{@code
 * Board board = Board.boot(BootRequest.board("hail").apps("hello", "blink"));
 * board.world().uart("console").transmittedText();
 * board.world().pin("BUTTON").press();
 * board.world().sensor("temperature").set(23.5);   // what the Si7021 measures, in °C
 * }</pre>
 */
package org.tock4j.boards.hail;
