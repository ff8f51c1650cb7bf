/**
 * Example apps, each a ServiceLoader provider of {@code org.tock4j.userland.App} named by its TBF package name.
 *
 * <pre>
 *   hello                      prints "Hello World!\r\n" on the console             (libtock-c examples/c_hello)
 *   blink                      counts in binary on the LEDs, 250 ms per step        (libtock-c examples/blink)
 *   buttons                    button i toggles LED i                               (libtock-c examples/buttons)
 *   rng                        prints "Random: 0x<16 hex digits>\r\n" every second  (libtock-c examples/tests/rng)
 *   sensors                    prints "Temperature: 23.25 C\r\n" every second       (libtock-c examples/sensors)
 *   org.tockos.examples.rot13  an IPC service: ROT13 of a buffer a client shares    (libtock-c examples/rot13_service)
 *   rot13_client               prints "12: Uryyb Jbeyq!\n" with the rot13 service   (libtock-c examples/rot13_client)
 * </pre>
 */
module org.tock4j.apps {
    requires org.tock4j.userland;

    exports org.tock4j.apps;

    provides org.tock4j.userland.App with
            org.tock4j.apps.Hello,
            org.tock4j.apps.Blink,
            org.tock4j.apps.Buttons,
            org.tock4j.apps.RngApp,
            org.tock4j.apps.Sensors,
            org.tock4j.apps.Rot13Service,
            org.tock4j.apps.Rot13Client;
}
