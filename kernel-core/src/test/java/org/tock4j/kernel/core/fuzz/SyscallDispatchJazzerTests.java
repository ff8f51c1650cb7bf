package org.tock4j.kernel.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the system call dispatcher with Jazzer: the input bytes drive a
 * {@link SyscallFuzzer} (the same scripts, kernel events and invariants as the seeded campaigns), so Jazzer
 * steers the choices toward kernel code no input reached yet.
 *
 * <p>Runs on the class path (Jazzer's agent instruments classes there), in kernel-core's {@code jazzer} Surefire
 * execution. Without {@code JAZZER_FUZZ} it replays the committed inputs in
 * {@code src/test/resources/org/tock4j/kernel/core/fuzz/SyscallDispatchJazzerTestsInputs/} (every crash found is
 * committed there) and a short fuzzing budget; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}:
 *
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw -pl kernel-core surefire:test@jazzer -Djazzer.max_duration=1h
 * </pre>
 */
class SyscallDispatchJazzerTests {

    @FuzzTest(maxDuration = "30s")
    void syscallSequencesNeverBreakAKernelInvariant(byte[] input) {
        try (SyscallFuzzer fuzzer = new SyscallFuzzer(FuzzInput.bytes(input))) {
            fuzzer.run(Long.MAX_VALUE);
            if (!fuzzer.violations().isEmpty()) {
                throw new AssertionError("invariant violations: " + fuzzer.violations());
            }
        }
    }
}
