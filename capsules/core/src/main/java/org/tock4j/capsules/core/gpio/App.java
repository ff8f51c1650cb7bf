package org.tock4j.capsules.core.gpio;

/**
 * A process's GPIO state: nothing. The grant exists only to keep the process's upcall.
 *
 * <p>Tock counterpart: the {@code ()} of {@code capsules_core::gpio::GPIO}'s grant.
 */
public final class App {}
