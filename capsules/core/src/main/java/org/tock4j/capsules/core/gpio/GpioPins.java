package org.tock4j.capsules.core.gpio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tock4j.kernel.hil.gpio.InterruptPin;

/**
 * The pins a board exposes to userspace as general-purpose I/O, by GPIO number. A number may be left empty
 * (commands on it answer {@code NODEVICE}). A board binds one {@code GpioPins}.
 *
 * <pre>{@code
 * @Provides GpioPins gpioPins(Nrf52840 nrf) {
 *     return GpioPins.byNumber(Map.of(0, nrf.gpioPin(1, 1), 1, nrf.gpioPin(1, 2), 3, nrf.gpioPin(1, 4)));
 * }
 * }</pre>
 *
 * <p>A single binding rather than a {@code List<InterruptPin>}: buttons and other capsules also take interrupt
 * pins, and a list of one HIL type is one binding per board.
 *
 * <p>Tock counterpart: the {@code [Option<&InterruptValueWrapper>]} array that
 * {@code components::gpio_component_helper!(n => pin, ...)} builds.
 *
 * @param pins slot {@code n} holds GPIO number {@code n}, or is empty
 */
public record GpioPins(List<Optional<InterruptPin>> pins) {
    public GpioPins {
        pins = List.copyOf(Objects.requireNonNull(pins, "pins"));
    }

    /** Every pin, numbered from 0 in list order. */
    public static GpioPins of(List<? extends InterruptPin> pins) {
        return new GpioPins(pins.stream().map(pin -> Optional.<InterruptPin>of(pin)).toList());
    }

    /** Every pin, numbered from 0 in argument order. */
    public static GpioPins of(InterruptPin... pins) {
        return of(List.of(pins));
    }

    /**
     * Pins at the given GPIO numbers; the count is the highest number plus one, and the numbers between are
     * empty, as with Tock's {@code gpio_component_helper!(0 => a, 3 => b)}.
     */
    public static GpioPins byNumber(Map<Integer, ? extends InterruptPin> pins) {
        int count = pins.keySet().stream().mapToInt(n -> {
            if (n < 0) {
                throw new IllegalArgumentException("GPIO numbers start at 0, got " + n);
            }
            return n + 1;
        }).max().orElse(0);
        List<Optional<InterruptPin>> slots = new ArrayList<>(Collections.nCopies(count, Optional.empty()));
        pins.forEach((n, pin) -> slots.set(n, Optional.of(pin)));
        return new GpioPins(slots);
    }

    /** The number of GPIO numbers, empty ones included. */
    public int count() {
        return pins.size();
    }
}
