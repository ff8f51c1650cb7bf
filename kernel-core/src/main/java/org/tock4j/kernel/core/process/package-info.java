/**
 * Internal: Tock's standard process, its fault policies and printing.
 *
 * <pre>{@code
 * var created = ProcessStandard.create(kernel, chip, header, flashStart, flashLen, ramStart, ramLen,
 *         FaultPolicies.panic(), runtime, ShortId.LOCALLY_UNIQUE, index);
 * }</pre>
 */
package org.tock4j.kernel.core.process;
