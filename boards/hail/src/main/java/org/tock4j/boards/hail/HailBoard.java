package org.tock4j.boards.hail;

import java.util.List;

import com.google.inject.Module;

import org.tock4j.boards.kit.BoardDefinition;

/**
 * The Hail IoT module.
 *
 * <p>Tock counterpart: {@code boards/hail}.
 */
public final class HailBoard implements BoardDefinition {
    public static final String NAME = "hail";

    public HailBoard() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Hail (SAM4L, RGB LED, 1 button, console on USART0)";
    }

    @Override
    public List<Module> modules() {
        return List.of(new HailModule());
    }
}
