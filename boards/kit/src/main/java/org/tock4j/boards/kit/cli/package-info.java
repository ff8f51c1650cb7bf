/**
 * Internal: the {@code tock4j} command line.
 *
 * <pre>{@code
 * int status = Main.execute("run", "--board", "nrf52840dk", "--for", "1s");
 * }</pre>
 */
package org.tock4j.boards.kit.cli;
