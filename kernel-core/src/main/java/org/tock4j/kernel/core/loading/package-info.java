/**
 * Internal: Tock Binary Format images and process loading from flash.
 *
 * <pre>{@code
 * List<ProcessLoader.Outcome> outcomes = ProcessLoader.loadProcesses(kernel, chip, 0x40000, 0xC0000,
 *         0x2000_8000, 0x38000, FaultPolicies.panic(), boundaries, capability);
 * }</pre>
 */
package org.tock4j.kernel.core.loading;
