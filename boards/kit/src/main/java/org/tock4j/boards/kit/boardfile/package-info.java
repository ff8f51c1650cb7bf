/**
 * Internal: board files — a board described in YAML instead of Java.
 *
 * <pre>{@code
 * BoardParts parts = BoardFileBoard.parts(Path.of("my-board.yaml"), settings, deferredCalls, discovery);
 * }</pre>
 */
package org.tock4j.boards.kit.boardfile;
