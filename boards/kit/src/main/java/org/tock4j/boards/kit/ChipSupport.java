package org.tock4j.boards.kit;

import org.tock4j.kernel.deferred.DeferredCalls;

/**
 * What board files need of a chip: a way to build it and name its pins and peripherals. Found with
 * {@link java.util.ServiceLoader}; a board module that owns a chip provides its support.
 *
 * <pre>{@code
 * // module-info.java of a board module
 * provides org.tock4j.boards.kit.ChipSupport with org.example.MyChipSupport;
 * }</pre>
 */
public interface ChipSupport {

    /** The name board files use ({@code chip: nRF52840}). */
    String chipName();

    /** Builds the chip, with its peripherals set up as Tock's boards set them up, ready to be bound. */
    ChipResources create(BoardSettings settings, DeferredCalls deferredCalls);
}
