package org.tock4j.chips.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The only tests that read the wall clock: realtime pacing exists to wait on it. */
class RealtimePacingTests {

    @Test
    void aRealtimeSleepTakesAtLeastTheVirtualTimeItSkips() {
        VirtualClock clock = new VirtualClock(Pacing.realtime());
        AtomicBoolean ran = new AtomicBoolean();
        clock.schedule(3_000_000, () -> ran.set(true));

        long start = System.nanoTime();
        assertThat(clock.sleepUntilNextEvent()).isTrue();
        long elapsed = System.nanoTime() - start;

        assertThat(ran).isTrue();
        assertThat(clock.now()).isEqualTo(3_000_000);
        assertThat(elapsed).isGreaterThanOrEqualTo(3_000_000);
    }

    @Test
    void hostInputWakesAnIndefiniteRealtimeSleepEarly() {
        VirtualClock clock = new VirtualClock(Pacing.realtime());
        AtomicBoolean delivered = new AtomicBoolean();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Thread host = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                clock.postFromHost(() -> delivered.set(true));
            });
            boolean happened = clock.sleepUntilNextEvent();
            host.join();
            assertThat(happened).isTrue();
        });
        assertThat(delivered).isTrue();
    }

    @Test
    void fullSpeedNeverWaits() {
        VirtualClock clock = new VirtualClock();
        clock.schedule(3_600_000_000_000L, () -> {});
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> clock.sleepUntilNextEvent());
        assertThat(clock.now()).isEqualTo(3_600_000_000_000L);
    }
}
