/**
 * The GPIO HIL: pins that are read, driven and interrupt on edges.
 *
 * <pre>{@code
 * pin.makeOutput();
 * pin.set();
 * button.setClient(() -> ...);
 * button.enableInterrupts(InterruptEdge.EitherEdge);
 * }</pre>
 */
package org.tock4j.kernel.hil.gpio;
