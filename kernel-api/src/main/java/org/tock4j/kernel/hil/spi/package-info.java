/**
 * The SPI HIL.
 *
 * <pre>{@code
 * spi.setClient((write, read, status) -> ...);
 * spi.readWriteBytes(tx, rx, 4);
 * }</pre>
 */
package org.tock4j.kernel.hil.spi;
