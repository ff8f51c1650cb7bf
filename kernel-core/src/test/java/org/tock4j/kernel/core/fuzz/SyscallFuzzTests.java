package org.tock4j.kernel.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Seeded campaigns of the dispatcher fuzzer ({@link SyscallFuzzer}): zero invariant violations, and every error
 * path reached. {@code -Dfuzz.dispatch.syscalls=N} and {@code -Dfuzz.seed=S} make a longer or different campaign.
 */
class SyscallFuzzTests {
    private static final long SYSCALLS = Long.getLong("fuzz.dispatch.syscalls", 300_000);
    private static final long SEED = Long.getLong("fuzz.seed", 0x7C0C_4A11L);

    @Test
    void aSeededCampaignFindsNoViolationAndReachesEveryErrorPath() {
        Map<ErrorPath, Long> paths = new EnumMap<>(ErrorPath.class);
        long syscalls = 0;
        int lives = 0;
        long start = System.nanoTime();
        // Several boards, so a process that fills its grant region early does not dominate the campaign.
        for (int board = 0; syscalls < SYSCALLS; board++) {
            try (SyscallFuzzer fuzzer = new SyscallFuzzer(FuzzInput.random(SEED + board))) {
                fuzzer.run(Math.min(50_000, SYSCALLS - syscalls));
                assertThat(fuzzer.violations()).as("seed %d", SEED + board).isEmpty();
                syscalls += fuzzer.syscalls();
                lives += fuzzer.lives();
                fuzzer.errorPaths().forEach((k, v) -> paths.merge(k, v, Long::sum));
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        FuzzFigures.print("dispatcher fuzzer", syscalls, SyscallFuzzer.PROCESSES, lives, 0, paths, ms);
        assertThat(paths.keySet()).containsExactlyInAnyOrder(ErrorPath.values());
    }
}
