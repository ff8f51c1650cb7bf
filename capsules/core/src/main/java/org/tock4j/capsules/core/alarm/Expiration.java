package org.tock4j.capsules.core.alarm;

import org.tock4j.kernel.hil.time.Ticks;

/**
 * When a process's alarm fires: {@code reference + dt}. It has expired once now leaves
 * {@code [reference, reference + dt)}.
 *
 * <p>Tock counterpart: {@code capsules_core::alarm::Expiration}.
 */
record Expiration(Ticks reference, Ticks dt) {

    Ticks end() {
        return reference.wrappingAdd(dt);
    }

    boolean expiredAt(Ticks now) {
        return !now.withinRange(reference, end());
    }
}
