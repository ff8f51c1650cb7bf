/**
 * Internal: upcalls as the kernel stores and schedules them.
 *
 * <pre>{@code
 * new Upcall(processId, new UpcallId(0x1, 1), appdata, fnPtr).schedule(process, len, 0, 0, config);
 * }</pre>
 */
package org.tock4j.kernel.core.upcall;
