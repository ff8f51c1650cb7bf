/**
 * Capabilities: objects that gate sensitive kernel calls (running the loop, creating grants, managing
 * processes). Capsules receive none unless their board hands one over.
 *
 * <pre>{@code
 * kernel.createGrant(driverNum, type, upcalls, ro, rw, memoryAllocationCapability);
 * }</pre>
 */
package org.tock4j.kernel.capabilities;
