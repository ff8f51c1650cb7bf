/**
 * Internal: the console capsule, process writes and reads over a UART device.
 *
 * <pre>{@code
 * Console console = new Console(uartDevice, new byte[64], new byte[64], grant);   // as ConsoleComponent does
 * uartDevice.setTransmitClient(console);
 * uartDevice.setReceiveClient(console);
 * }</pre>
 */
package org.tock4j.capsules.core.console;
