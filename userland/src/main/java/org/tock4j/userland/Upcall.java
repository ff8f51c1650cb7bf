package org.tock4j.userland;

/**
 * A callback a process subscribes: it runs, on the process, when a yield picks up the upcall.
 *
 * <p>libtock-c counterpart: {@code subscribe_upcall}.
 */
@FunctionalInterface
public interface Upcall {
    void call(int arg0, int arg1, int arg2, int appData);
}
