package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The kernel's per-board configuration (Tock's build-time {@code kernel::config::Config}). */
class KernelConfigTests {

    @Test
    void theDefaultsTraceNothingAndAllowFiveSecondsOfSpinning() {
        KernelConfig config = KernelConfig.defaults();

        assertThat(config.traceSyscalls()).isFalse();
        assertThat(config.observer()).isSameAs(SyscallObserver.NONE);
        assertThat(config.spinWatchdog()).isEqualTo(KernelConfig.DEFAULT_SPIN_WATCHDOG)
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void eachWitherChangesItsOwnSettingAndKeepsTheOthers() {
        List<String> lines = new ArrayList<>();
        Consumer<String> sink = lines::add;
        SyscallObserver observer = (caller, process, syscall, result) -> { };

        KernelConfig config = KernelConfig.defaults().withTraceSyscalls(true).withDebug(sink).withObserver(observer)
                .withSpinWatchdog(Duration.ofMillis(250));

        assertThat(config).isEqualTo(new KernelConfig(true, sink, observer, Duration.ofMillis(250)));
        assertThat(config.withSpinWatchdog(Duration.ofSeconds(1)))
                .isEqualTo(new KernelConfig(true, sink, observer, Duration.ofSeconds(1)));
        assertThat(config.withTraceSyscalls(false))
                .isEqualTo(new KernelConfig(false, sink, observer, Duration.ofMillis(250)));
    }

    @Test
    void theSpinWatchdogMustBePositive() {
        assertThatThrownBy(() -> KernelConfig.defaults().withSpinWatchdog(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KernelConfig.defaults().withSpinWatchdog(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KernelConfig.defaults().withSpinWatchdog(Duration.ofNanos(1)).spinWatchdog())
                .isEqualTo(Duration.ofNanos(1));
    }
}
