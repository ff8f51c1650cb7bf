package org.tock4j.kernel.hil.time;

/** Told when an alarm fires. Tock counterpart: {@code kernel::hil::time::AlarmClient}. */
@FunctionalInterface
public interface AlarmClient {
    void alarm();
}
