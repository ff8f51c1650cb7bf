package org.tock4j.boards.nrf52840dk;

import java.util.List;

import com.google.inject.Module;

import org.tock4j.boards.kit.BoardDefinition;

/**
 * The Nordic nRF52840-DK development kit.
 *
 * <p>Tock counterpart: {@code boards/nordic/nrf52840dk}.
 */
public final class Nrf52840dkBoard implements BoardDefinition {
    public static final String NAME = "nrf52840dk";

    public Nrf52840dkBoard() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Nordic nRF52840-DK (nRF52840, 4 LEDs, 4 buttons)";
    }

    @Override
    public List<Module> modules() {
        return List.of(new Nrf52840dkModule());
    }
}
