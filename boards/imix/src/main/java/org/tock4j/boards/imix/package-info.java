/**
 * The imix board (SAM4L, version 2).
 *
 * <pre>{@code
 * Board board = Board.boot(BootRequest.board("imix").apps("hello", "blink"));
 * board.world().uart("console").transmittedText();
 * board.world().pin("USER_BTN").press();
 * board.world().sensor("temperature").set(23.5);   // what the Si7021 measures, in °C
 * }</pre>
 */
package org.tock4j.boards.imix;
