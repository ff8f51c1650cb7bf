/**
 * Upcalls: how a capsule calls back into a process.
 *
 * <pre>
 *  capsule ── GrantKernelData.scheduleUpcall(n, (r0,r1,r2)) ──► process task queue
 *                                                                  │ yield
 *                                                                  ▼
 *                                          app callback fn(r0, r1, r2, appdata)
 * </pre>
 *
 * <p>An upcall is named by its {@link org.tock4j.kernel.upcall.UpcallId} (driver number, subscribe number);
 * the function pointer and application data a process subscribed are kept by the kernel in the grant.
 */
package org.tock4j.kernel.upcall;
