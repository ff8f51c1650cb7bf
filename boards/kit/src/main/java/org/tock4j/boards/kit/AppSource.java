package org.tock4j.boards.kit;

import java.util.function.Supplier;

import org.tock4j.userland.App;

/**
 * An app a board can run: its TBF package name, the RAM it asks for, where it came from, and how to make a
 * fresh instance for each start of its process.
 */
public record AppSource(String name, int minimumRamBytes, String origin, Supplier<? extends App> factory) {

    /** The app a class with a public no-argument constructor makes. */
    public static AppSource ofClass(Class<? extends App> type) {
        Supplier<App> factory = () -> {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate app " + type.getName() + " (an app class must be"
                        + " public, with a public no-argument constructor): " + e, e);
            }
        };
        App sample = factory.get();
        return new AppSource(sample.name(), sample.minimumRamBytes(), type.getName(), factory);
    }

    /** The app {@code factory} makes. */
    public static AppSource of(Supplier<? extends App> factory) {
        App sample = factory.get();
        return new AppSource(sample.name(), sample.minimumRamBytes(), sample.getClass().getName(), factory);
    }
}
