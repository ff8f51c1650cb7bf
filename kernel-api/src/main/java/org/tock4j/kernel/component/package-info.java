/**
 * The capsule plugin SPI: components found with {@link java.util.ServiceLoader} that build capsules from the
 * HILs a board binds.
 *
 * <pre>{@code
 * public final class LedComponent implements CapsuleComponent {
 *     static final HilDependency<Led> LEDS = HilDependency.all(Led.class);
 *     public String name() { return "led"; }
 *     public int defaultDriverNumber() { return DriverNumber.LED; }
 *     public List<HilDependency<?>> dependencies() { return List.of(LEDS); }
 *     public SyscallDriver create(ComponentContext context) {
 *         return new LedDriver(context.hils(LEDS), context.createGrant(...));
 *     }
 * }
 * }</pre>
 */
package org.tock4j.kernel.component;
