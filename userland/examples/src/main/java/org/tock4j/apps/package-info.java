/**
 * Example apps for tock4j boards: {@link org.tock4j.apps.Hello} ("hello"), {@link org.tock4j.apps.Blink}
 * ("blink"), {@link org.tock4j.apps.Buttons} ("buttons"), {@link org.tock4j.apps.RngApp} ("rng") and
 * {@link org.tock4j.apps.Sensors} ("sensors").
 *
 * <pre>{@code
 * for (App app : ServiceLoader.load(App.class)) {
 *     if (app.name().equals("blink")) { ... load it on the board ... }
 * }
 * }</pre>
 */
package org.tock4j.apps;
