/**
 * Internal: the Cortex-M4 core peripherals as silicon (register banks and their behaviour on the virtual
 * clock). Drivers reach them only through the bus, as Tock's code reaches real registers.
 *
 * <pre>{@code
 * NvicModel nvic = new NvicModel(48, 3, handler);
 * nvic.mapOnto(bus);
 * nvic.line(2).raise();   // UARTE0's interrupt request
 * }</pre>
 */
package org.tock4j.chips.cortexm.hardware;
