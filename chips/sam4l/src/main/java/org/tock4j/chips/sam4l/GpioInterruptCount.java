package org.tock4j.chips.sam4l;

/**
 * How many GPIO pins have their interrupt enabled, across the ports (the PM's deep-sleep check reads it).
 *
 * <p>Tock counterpart: {@code sam4l::gpio::INTERRUPT_COUNT}.
 */
final class GpioInterruptCount {
    private int count;

    void increment() {
        count++;
    }

    void decrement() {
        count--;
    }

    int count() {
        return count;
    }
}
