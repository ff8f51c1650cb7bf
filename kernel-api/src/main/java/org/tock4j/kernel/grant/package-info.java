/**
 * Grants: memory a process lends to a capsule, holding the capsule's per-process state and the upcalls and
 * buffers the process gave that capsule.
 *
 * <pre>{@code
 * Grant<App> apps = context.createGrant(GrantType.of(App::new, 8, 4),
 *         UpcallCount.of(1), AllowRoCount.of(1), AllowRwCount.of(0));
 * apps.enter(processId, (app, kernelData) -> {
 *     app.pending = true;
 *     return kernelData.scheduleUpcall(0, 0, 0, 0);
 * });
 * }</pre>
 */
package org.tock4j.kernel.grant;
