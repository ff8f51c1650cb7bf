package org.tock4j.kernel.component;

import java.util.List;

import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * How to build a capsule: its name, the driver number it normally runs at, the HILs it needs, and a factory.
 * Found with {@link java.util.ServiceLoader}; a component ships in its capsule's module:
 *
 * <pre>{@code
 * module org.example.capsules {
 *     requires org.tock4j.kernel.api;
 *     provides org.tock4j.kernel.component.CapsuleComponent with org.example.capsules.BuzzerComponent;
 * }
 * }</pre>
 *
 * <p>A component has a public no-argument constructor and keeps no state; a board may build its capsule at
 * any driver number.
 *
 * <p>Tock counterpart: a component in {@code boards/components} ({@code Component::finalize}) together with the
 * capsule's {@code DRIVER_NUM}.
 */
public interface CapsuleComponent {

    /** The name boards and board files use, such as {@code "console"}. */
    String name();

    /** The driver number Tock assigns this capsule. */
    int defaultDriverNumber();

    /** The HILs {@link #create} will ask its context for. */
    List<HilDependency<?>> dependencies();

    /** Builds the capsule: creates its grants, wires its HIL clients, registers its deferred calls. */
    SyscallDriver create(ComponentContext context);
}
