package org.tock4j.boards.imix;

import java.util.List;

import com.google.inject.Module;

import org.tock4j.boards.kit.BoardDefinition;

/**
 * The imix IoT development platform (version 2).
 *
 * <p>Tock counterpart: {@code boards/imix}.
 */
public final class ImixBoard implements BoardDefinition {
    public static final String NAME = "imix";

    public ImixBoard() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "imix (SAM4L, 1 LED, 1 button, console on USART3)";
    }

    @Override
    public List<Module> modules() {
        return List.of(new ImixModule());
    }
}
