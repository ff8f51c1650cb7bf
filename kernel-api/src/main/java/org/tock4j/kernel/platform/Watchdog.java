package org.tock4j.kernel.platform;

/**
 * A watchdog the kernel loop tickles.
 *
 * <p>Tock counterpart: {@code kernel::platform::watchdog::WatchDog}; {@link #NONE} is Tock's {@code ()}.
 */
public interface Watchdog {

    default void setup() {}

    default void tickle() {}

    default void suspend() {}

    default void resume() {}

    Watchdog NONE = new Watchdog() {};
}
