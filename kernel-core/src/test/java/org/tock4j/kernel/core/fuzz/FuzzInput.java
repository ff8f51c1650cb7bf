package org.tock4j.kernel.core.fuzz;

import java.util.SplittableRandom;

/**
 * Where a fuzzer's choices come from: a seeded {@link SplittableRandom} for long campaigns, or the bytes a
 * coverage-guided fuzzer (Jazzer) mutates.
 */
public interface FuzzInput {

    /** A value in {@code [0, bound)}. */
    int nextInt(int bound);

    /** Any 32-bit value. */
    int nextRaw();

    /** Whether the input can give more choices (a byte input runs out; a random one never does). */
    boolean hasMore();

    /** True with probability about {@code percent} / 100. */
    default boolean chance(int percent) {
        return nextInt(100) < percent;
    }

    /** One of {@code values}. */
    default int pick(int... values) {
        return values[nextInt(values.length)];
    }

    /** Seeded choices. */
    static FuzzInput random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new FuzzInput() {
            @Override
            public int nextInt(int bound) {
                return random.nextInt(bound);
            }

            @Override
            public int nextRaw() {
                return random.nextInt();
            }

            @Override
            public boolean hasMore() {
                return true;
            }
        };
    }

    /** Choices read from {@code bytes}, two bytes per bounded choice and four per raw value; zeros once used up. */
    static FuzzInput bytes(byte[] bytes) {
        return new FuzzInput() {
            private int at;

            private int next8() {
                return at < bytes.length ? bytes[at++] & 0xFF : 0;
            }

            @Override
            public int nextInt(int bound) {
                int v = next8() | next8() << 8;
                return v % bound;
            }

            @Override
            public int nextRaw() {
                return next8() | next8() << 8 | next8() << 16 | next8() << 24;
            }

            @Override
            public boolean hasMore() {
                return at < bytes.length;
            }
        };
    }
}
