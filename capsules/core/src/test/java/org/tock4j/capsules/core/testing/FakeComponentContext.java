package org.tock4j.capsules.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.Processes;

/**
 * What a board hands a component, with HILs a test binds and grants it can inspect afterwards. By default the
 * component gets no processes and is not trusted; {@link #withProcesses} and {@link #trusted} change that.
 */
public final class FakeComponentContext implements ComponentContext {
    private final int driverNumber;
    private final FakeProcessTable processes;
    private final ManualDeferredCalls deferredCalls;
    private final Map<HilDependency<?>, List<Object>> hils = new HashMap<>();
    private final List<FakeGrant<?>> grants = new ArrayList<>();
    private Processes kernelProcesses;
    private boolean trusted;

    public FakeComponentContext(int driverNumber, FakeProcessTable processes, ManualDeferredCalls deferredCalls) {
        this.driverNumber = driverNumber;
        this.processes = processes;
        this.deferredCalls = deferredCalls;
    }

    public <T> FakeComponentContext bind(HilDependency<T> dependency, List<? extends T> values) {
        hils.put(dependency, List.copyOf(values));
        return this;
    }

    /** Hands the component the kernel's processes, without the capabilities to manage them. */
    public FakeComponentContext withProcesses(Processes processes) {
        this.kernelProcesses = processes;
        return this;
    }

    /** Hands the component the kernel's processes and, trusting it, the capabilities to manage and start them. */
    public FakeComponentContext trusted(Processes processes) {
        this.kernelProcesses = processes;
        this.trusted = true;
        return this;
    }

    /** The grants the component created, in order. */
    public List<FakeGrant<?>> grants() {
        return List.copyOf(grants);
    }

    @Override
    public int driverNumber() {
        return driverNumber;
    }

    @Override
    public <T> Grant<T> createGrant(
            GrantType<T> type, UpcallCount upcalls, AllowRoCount allowRo, AllowRwCount allowRw) {
        FakeGrant<T> grant = new FakeGrant<>(processes, driverNumber, type, upcalls, allowRo, allowRw);
        grants.add(grant);
        return grant;
    }

    @Override
    public <T> T hil(HilDependency<T> dependency) {
        List<T> bound = hils(dependency);
        if (bound.size() != 1) {
            throw new IllegalStateException(dependency + " is bound " + bound.size() + " times");
        }
        return bound.get(0);
    }

    @Override
    public <T> List<T> hils(HilDependency<T> dependency) {
        List<Object> bound = hils.get(dependency);
        if (bound == null) {
            throw new IllegalStateException(dependency + " was not bound");
        }
        return bound.stream().map(dependency.type()::cast).toList();
    }

    @Override
    public DeferredCalls deferredCalls() {
        return deferredCalls;
    }

    @Override
    public Processes processes() {
        if (kernelProcesses == null) {
            throw new IllegalStateException("this test hands the component no processes");
        }
        return kernelProcesses;
    }

    @Override
    public Optional<ProcessManagementCapability> processManagementCapability() {
        return trusted ? Optional.of(Capability.processManagement()) : Optional.empty();
    }

    @Override
    public Optional<ProcessStartCapability> processStartCapability() {
        return trusted ? Optional.of(Capability.processStart()) : Optional.empty();
    }
}
