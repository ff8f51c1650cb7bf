/**
 * Internal: the pieces a board is booted from (driver table, kernel resources, component wiring, app flashing).
 *
 * <pre>{@code
 * new DriverTable(Map.of(0x1, console)).withDriver(0x1);
 * }</pre>
 */
package org.tock4j.boards.kit.internal;
