/**
 * Example apps for tock4j boards: {@link org.tock4j.apps.Hello} ("hello") and {@link org.tock4j.apps.Blink}
 * ("blink").
 *
 * <pre>{@code
 * for (App app : ServiceLoader.load(App.class)) {
 *     if (app.name().equals("blink")) { ... load it on the board ... }
 * }
 * }</pre>
 */
package org.tock4j.apps;
