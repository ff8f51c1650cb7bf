package org.tock4j.capsules.core.virtualizers;

import org.tock4j.kernel.hil.time.Ticks;

/**
 * When a virtual alarm fires: {@code reference + dt}, possibly the first half of an extended alarm.
 *
 * @param extended whether {@code dt} is only the part beyond half the counter range, with another
 *     {@code halfMaxValue} still to wait once it passes
 */
record TickDtReference(Ticks reference, Ticks dt, boolean extended) {

    Ticks referencePlusDt() {
        return reference.wrappingAdd(dt);
    }

    /** Whether the counter at {@code now} has left {@code [reference, reference + dt)}. */
    boolean expiredAt(Ticks now) {
        return !now.withinRange(reference, referencePlusDt());
    }
}
