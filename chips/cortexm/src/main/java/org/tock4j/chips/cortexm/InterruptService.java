package org.tock4j.chips.cortexm;

/**
 * A chip's peripherals, asked to run the bottom half of an interrupt. Chips layer them: the nRF52840's
 * service handles its own peripherals and passes the rest to the nRF52's.
 *
 * <pre>{@code
 * public boolean serviceInterrupt(int interrupt) {
 *     switch (interrupt) {
 *         case PeripheralInterrupts.UART0 -> uarte0.handleInterrupt();
 *         default -> { return parent.serviceInterrupt(interrupt); }
 *     }
 *     return true;
 * }
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::platform::chip::InterruptService} (kept here because tock4j's
 * kernel API leaves interrupt dispatch to the chips).
 */
@FunctionalInterface
public interface InterruptService {

    /** Runs the handler of {@code interrupt}; false if no peripheral here handles it. */
    boolean serviceInterrupt(int interrupt);
}
