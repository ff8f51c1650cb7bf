package org.tock4j.capsules.core.temperature;

/**
 * A process's temperature state, kept in its grant: whether it waits for a reading.
 *
 * <p>Tock counterpart: {@code capsules_extra::temperature::App}.
 */
public final class App {
    boolean subscribed;
}
