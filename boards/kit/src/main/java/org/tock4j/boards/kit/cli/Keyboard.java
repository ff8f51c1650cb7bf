package org.tock4j.boards.kit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.tock4j.chips.emulator.world.UartLink;

/**
 * Types the keyboard into the board's console UART during a realtime run, so the process console can be used
 * interactively. Lines arrive as the terminal delivers them (after Enter).
 */
final class Keyboard {
    private Keyboard() {}

    static void feed(InputStream in, UartLink console) {
        if (console == null) {
            return;
        }
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    console.feedFromHost(Arrays.copyOf(buffer, n));
                }
            } catch (IOException e) {
                // The keyboard went away; the board keeps running.
            }
        }, "tock4j-keyboard");
        reader.setDaemon(true);
        reader.start();
    }
}
