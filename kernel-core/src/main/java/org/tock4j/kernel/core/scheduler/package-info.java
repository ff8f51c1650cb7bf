/**
 * Tock's scheduling policies.
 *
 * <pre>{@code
 * Scheduler scheduler = new RoundRobinSched(kernel.processSlotSuppliers());
 * }</pre>
 */
package org.tock4j.kernel.core.scheduler;
