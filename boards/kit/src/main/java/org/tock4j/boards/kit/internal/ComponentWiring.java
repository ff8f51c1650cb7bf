package org.tock4j.boards.kit.internal;

import java.util.List;
import java.util.Optional;

import com.google.inject.Key;
import com.google.inject.name.Names;
import com.google.inject.util.Types;

import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.Processes;

/**
 * The context one component builds its capsule in: grants at its driver number, the HILs the board bound for
 * its declared dependencies (looked up in the board's injector), and the board's deferred calls.
 */
public final class ComponentWiring implements ComponentContext {
    private final CapsuleComponent component;
    private final int driverNumber;
    private final Kernel kernel;
    private final HilResolver hils;
    private final DeferredCalls deferredCalls;
    private final boolean trusted;

    /**
     * @param trusted whether the board gives this component the capabilities to manage and start processes
     */
    public ComponentWiring(CapsuleComponent component, int driverNumber, Kernel kernel, HilResolver hils,
            DeferredCalls deferredCalls, boolean trusted) {
        this.component = component;
        this.driverNumber = driverNumber;
        this.kernel = kernel;
        this.hils = hils;
        this.deferredCalls = deferredCalls;
        this.trusted = trusted;
    }

    /** The Guice key a dependency is bound under. */
    public static Key<?> keyOf(HilDependency<?> dependency) {
        if (dependency.all()) {
            var list = Types.listOf(dependency.type());
            return dependency.qualifier().isEmpty() ? Key.get(list) : Key.get(list, Names.named(dependency.qualifier()));
        }
        return dependency.qualifier().isEmpty()
                ? Key.get(dependency.type())
                : Key.get(dependency.type(), Names.named(dependency.qualifier()));
    }

    @Override
    public int driverNumber() {
        return driverNumber;
    }

    @Override
    public <T> Grant<T> createGrant(GrantType<T> type, UpcallCount upcalls, AllowRoCount allowRo,
            AllowRwCount allowRw) {
        return kernel.createGrant(driverNumber, type, upcalls, allowRo, allowRw, Capability.memoryAllocation());
    }

    @Override
    public <T> T hil(HilDependency<T> dependency) {
        checkDeclared(dependency);
        if (dependency.all()) {
            throw new IllegalArgumentException(dependency + " is a list: use hils()");
        }
        return dependency.type().cast(bound(dependency));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> hils(HilDependency<T> dependency) {
        checkDeclared(dependency);
        if (!dependency.all()) {
            throw new IllegalArgumentException(dependency + " is a single HIL: use hil()");
        }
        return List.copyOf((List<T>) bound(dependency));
    }

    @Override
    public DeferredCalls deferredCalls() {
        return deferredCalls;
    }

    @Override
    public Processes processes() {
        return kernel;
    }

    @Override
    public Optional<ProcessManagementCapability> processManagementCapability() {
        return trusted ? Optional.of(Capability.processManagement()) : Optional.empty();
    }

    @Override
    public Optional<ProcessStartCapability> processStartCapability() {
        return trusted ? Optional.of(Capability.processStart()) : Optional.empty();
    }

    private Object bound(HilDependency<?> dependency) {
        return hils.resolve(dependency).orElseThrow(() -> new IllegalStateException(
                "the board binds nothing for " + dependency + " of component '" + component.name() + "'"));
    }

    private void checkDeclared(HilDependency<?> dependency) {
        if (!component.dependencies().contains(dependency)) {
            throw new IllegalStateException("component '" + component.name() + "' asked for " + dependency
                    + " without declaring it in dependencies()");
        }
    }
}
