/**
 * The kernel object and its loop: what a board creates and runs.
 *
 * <pre>{@code
 * Kernel kernel = new Kernel(4, chip.memory(), deferredCalls, KernelConfig.defaults());
 * kernel.kernelLoopSetup(resources, Capability.mainLoop());
 * while (running) {
 *     kernel.kernelLoopOperation(resources, chip, false, Capability.mainLoop());
 * }
 * }</pre>
 */
package org.tock4j.kernel.core;
