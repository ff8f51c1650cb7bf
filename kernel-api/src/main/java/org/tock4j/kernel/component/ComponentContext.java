package org.tock4j.kernel.component;

import java.util.List;
import java.util.Optional;

import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.process.Processes;

/**
 * What a board hands a component while building its capsule: the driver number it runs at, grants for that
 * number, the HILs it declared, and the board's deferred calls.
 *
 * <p>Tock counterpart: the arguments a board's {@code main.rs} passes to a component's {@code new} and
 * {@code finalize} ({@code board_kernel.create_grant(DRIVER_NUM, &grant_cap)}, the muxes, the pins).
 */
public interface ComponentContext {

    /** The driver number this capsule is registered at on this board. */
    int driverNumber();

    /** A grant for this capsule's driver number. */
    <T> Grant<T> createGrant(GrantType<T> type, UpcallCount upcalls, AllowRoCount allowRo, AllowRwCount allowRw);

    /** The HIL bound for {@code dependency}; the component must have declared it. */
    <T> T hil(HilDependency<T> dependency);

    /** Every HIL bound for an {@link HilDependency#all(Class) all} dependency, in the board's order. */
    <T> List<T> hils(HilDependency<T> dependency);

    DeferredCalls deferredCalls();

    /** The kernel's processes; managing them takes the capabilities below. */
    Processes processes();

    /** The capability to manage processes, if the board trusts this component with it. */
    Optional<ProcessManagementCapability> processManagementCapability();

    /** The capability to start processes, if the board trusts this component with it. */
    Optional<ProcessStartCapability> processStartCapability();
}
