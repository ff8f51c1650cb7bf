package org.tock4j.capsules.core.alarm;

import java.util.Optional;

/**
 * A process's alarm state, kept in its grant: the expiration it is waiting for, if any.
 *
 * <p>Tock counterpart: {@code capsules_core::alarm::AlarmData}.
 */
public final class AlarmData {
    private Optional<Expiration> expiration = Optional.empty();

    Optional<Expiration> expiration() {
        return expiration;
    }

    void expiration(Expiration value) {
        expiration = Optional.of(value);
    }

    void clear() {
        expiration = Optional.empty();
    }
}
