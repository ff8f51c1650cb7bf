package org.tock4j.boards.kit;

import java.util.function.Consumer;

/**
 * The kernel's debug sink, given to the kernel before the board's debug writer exists and pointed at it
 * once the capsules are built.
 */
final class KernelDebug implements Consumer<String> {
    private Consumer<String> target = line -> { };

    void sendTo(Consumer<String> sink) {
        target = sink;
    }

    @Override
    public void accept(String line) {
        target.accept(line);
    }
}
