/**
 * Internal: the process console, a shell on the UART for inspecting and controlling processes.
 *
 * <pre>{@code
 * ProcessConsole console = new ProcessConsole(uartDevice, virtualAlarm, processes,   // as ProcessConsoleComponent does
 *         managementCapability, startCapability,
 *         new byte[ProcessConsole.WRITE_BUF_LEN], new byte[ProcessConsole.READ_BUF_LEN],
 *         new byte[ProcessConsole.QUEUE_BUF_LEN], new byte[ProcessConsole.COMMAND_BUF_LEN],
 *         ProcessConsole.DEFAULT_COMMAND_HISTORY_LEN, "unknown");
 * uartDevice.setTransmitClient(console);
 * uartDevice.setReceiveClient(console);
 * virtualAlarm.setAlarmClient(console);
 * console.start();                       // "tock$ " 100 ms later
 * }</pre>
 */
package org.tock4j.capsules.core.processconsole;
