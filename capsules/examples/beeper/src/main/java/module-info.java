/**
 * An example third-party capsule: a beeper on one pin, at driver number {@code 0x90010}.
 *
 * <pre>
 *   board file ── pin: P1.10 ──► Pin ──────────────────────┐
 *              ── alarm: RTC1 ► MuxAlarm ── VirtualMuxAlarm ┴► BeeperComponent ──► Beeper   (0x90010)
 * </pre>
 *
 * <p>The module exports nothing: boards reach the capsule only through its {@code CapsuleComponent}, found with
 * {@link java.util.ServiceLoader} in this jar ({@code ./tock4j run --capsule-jar beeper.jar}). The same provider
 * is listed in {@code META-INF/services} for class-path users.
 */
module org.example.capsules.beeper {
    requires org.tock4j.kernel.api;
    // Only for MuxAlarm and VirtualMuxAlarm: board files bind an alarm as a MuxAlarm, as Tock's components take one.
    requires org.tock4j.capsules.core;

    provides org.tock4j.kernel.component.CapsuleComponent with org.example.capsules.beeper.BeeperComponent;
}
