package org.example.capsules.beeper;

/**
 * A process's beeper state, kept in its grant: the duration of the beep it asked for last, which the "done"
 * upcall reports back.
 *
 * <p>Tock counterpart: the {@code App} of {@code capsules_extra::buzzer_driver}, which keeps the process's
 * pending buzzer command.
 */
public final class App {
    /** What the grant declares: one {@code u32}, as {@code size_of}/{@code align_of} would give in Tock. */
    static final int SIZE = 4;
    static final int ALIGN = 4;

    private int durationMs;

    int durationMs() {
        return durationMs;
    }

    void durationMs(int value) {
        durationMs = value;
    }
}
