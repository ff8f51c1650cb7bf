/**
 * Internal: the low-level debug capsule, alert codes and numbers printed on a UART device.
 *
 * <pre>{@code
 * UartDevice lldbUart = new UartDevice(uartMux, true);   // as LowLevelDebugComponent does
 * lldbUart.setup();
 * LowLevelDebug lldb = new LowLevelDebug(new byte[LowLevelDebug.BUF_LEN], lldbUart, grant);
 * lldbUart.setTransmitClient(lldb);
 * }</pre>
 */
package org.tock4j.capsules.core.lowleveldebug;
