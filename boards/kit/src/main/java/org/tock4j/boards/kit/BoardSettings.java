package org.tock4j.boards.kit;

/**
 * What a run chooses about a board's hardware: the seed of its randomness and whether virtual time is paced to
 * the wall clock.
 */
public record BoardSettings(long seed, boolean realtime) {
    public static BoardSettings defaults() {
        return new BoardSettings(0, false);
    }
}
