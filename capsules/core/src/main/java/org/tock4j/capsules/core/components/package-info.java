/**
 * Internal: the components that build the core capsules, found with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * ServiceLoader.load(CapsuleComponent.class).stream()
 *         .map(ServiceLoader.Provider::get)
 *         .filter(c -> c.name().equals("console"))   // also "alarm", "led", "button", "gpio",
 *                                                  // "low_level_debug", "rng", "temperature",
 *                                                  // "process_console" (needs the board's trust)
 *         .findFirst().orElseThrow()
 *         .create(context);
 * }</pre>
 */
package org.tock4j.capsules.core.components;
