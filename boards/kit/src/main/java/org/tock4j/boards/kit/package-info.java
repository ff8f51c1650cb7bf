/**
 * Board assembly: discovery of boards, capsules and apps, Guice wiring, boot, and the run loop on virtual time.
 *
 * <pre>{@code
 * try (Board board = Board.boot(BootRequest.board("nrf52840dk").apps("hello", "blink"))) {
 *     board.runFor(Duration.ofSeconds(10));
 *     System.out.print(board.world().uart("console").transmittedText());
 * }
 * }</pre>
 */
package org.tock4j.boards.kit;
