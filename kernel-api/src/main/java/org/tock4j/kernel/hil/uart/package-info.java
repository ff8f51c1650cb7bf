/**
 * The UART HIL: split-phase byte transfers with clients.
 *
 * <pre>{@code
 * uart.setTransmitClient(this);
 * Result<Void, RejectedBuffer> r = uart.transmitBuffer(buffer, length);
 * // later, from the UART's interrupt: transmittedBuffer(buffer, length, Result.ok())
 * }</pre>
 */
package org.tock4j.kernel.hil.uart;
