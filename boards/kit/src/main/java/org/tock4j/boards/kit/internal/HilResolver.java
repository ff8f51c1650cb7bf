package org.tock4j.boards.kit.internal;

import java.util.Optional;

import com.google.inject.Injector;

import org.tock4j.kernel.component.HilDependency;

/**
 * Finds what a board binds for a capsule's HIL dependency: in the board's Guice injector, or in the capsule's
 * entry of a board file.
 */
@FunctionalInterface
public interface HilResolver {

    /** The bound object (a list for an {@code all} dependency), if the board binds one. */
    Optional<Object> resolve(HilDependency<?> dependency);

    /** The bindings of a Guice board. */
    static HilResolver of(Injector injector) {
        return dependency -> injector.getExistingBinding(ComponentWiring.keyOf(dependency)) == null
                ? Optional.empty()
                : Optional.of(injector.getInstance(ComponentWiring.keyOf(dependency)));
    }
}
