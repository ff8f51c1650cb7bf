/**
 * Internal: grants as the kernel implements them, in process RAM, exactly as Tock's {@code grant.rs} lays
 * them out.
 *
 * <pre>{@code
 * Grant<App> g = kernel.createGrant(0x1, GrantType.of(App::new, 8, 4), UpcallCount.of(2),
 *         AllowRoCount.of(1), AllowRwCount.of(1), Capability.memoryAllocation());
 * }</pre>
 */
package org.tock4j.kernel.core.grant;
