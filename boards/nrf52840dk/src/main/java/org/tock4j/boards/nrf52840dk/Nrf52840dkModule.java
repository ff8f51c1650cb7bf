package org.tock4j.boards.nrf52840dk;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.tock4j.boards.kit.AddressRange;
import org.tock4j.boards.kit.BoardPlan;
import org.tock4j.boards.kit.BoardSettings;
import org.tock4j.boards.kit.BoardWorld;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.LedWire;
import org.tock4j.boards.kit.SchedulerChoice;
import org.tock4j.capsules.core.button.ButtonPin;
import org.tock4j.capsules.core.gpio.GpioPins;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.AlarmMuxComponent;
import org.tock4j.capsules.core.virtualizers.UartMuxComponent;
import org.tock4j.chips.emulator.FullSpeed;
import org.tock4j.chips.emulator.Realtime;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.nrf52.Nrf52840;
import org.tock4j.chips.nrf52.Uarte;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.gpio.ActivationMode;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.led.LedLow;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * The nRF52840-DK wired as Tock's {@code main.rs} wires it: console on UARTE0 at 115200 baud, alarms on RTC1,
 * LEDs 1–4 on P0.13–P0.16 (active low), round robin, panic on a process fault.
 *
 * <pre>
 *   chip ─ nRF52840 (64 MHz Cortex-M4, 1 MB flash, 256 KB RAM)
 *   UARTE0 ─ MuxUart ─ console (0x1), low-level debug (0x8)    RTC1 ─ MuxAlarm ─ alarm (0x0)
 *   P0.13..P0.16 ─ LedLow ×4 ─ led (0x2)
 *   P0.11, P0.12, P0.24, P0.25 (active low, pull-up) ─ button (0x3)
 *   P1.01..P1.08, P1.12..P1.15 ─ gpio (0x4, numbers 0..7 and 10..13)
 *   TRNG ─ rng (0x40001)        TEMP ─ temperature (0x60000)
 *   IPC (0x10000); the process console on the console UART (trusted to manage processes)
 *   apps: flash 0x0004_0000 .. 0x0010_0000, RAM 0x2000_8000 .. 0x2004_0000
 * </pre>
 *
 * <p>Tock counterpart: {@code boards/nordic/nrf52840dk/src/main.rs} and {@code nrf52840dk_lib::start}.
 */
public final class Nrf52840dkModule extends AbstractModule {
    /** The kit's LEDs: LED1..LED4 on P0.13..P0.16. */
    static final int[] LED_PINS = {13, 14, 15, 16};
    /** BUTTON1..BUTTON4 on P0.11, P0.12, P0.24, P0.25. */
    static final int[] BUTTON_PINS = {11, 12, 24, 25};
    /** Tock's layout: apps from 0x0004_0000 to the end of flash. */
    static final AddressRange APP_FLASH = new AddressRange(0x0004_0000, 0x000C_0000);
    /** Process RAM above the kernel's 32 KiB. */
    static final AddressRange APP_RAM = new AddressRange(0x2000_8000, 0x0003_8000);
    static final int UART_RTS = 5;
    static final int UART_TXD = 6;
    static final int UART_CTS = 7;
    static final int UART_RXD = 8;
    /** The process console's number: Tock registers it with no driver number; ours must not clash. */
    static final int PROCESS_CONSOLE = 0x1FFFF;
    /** The console UART's baud rate. */
    static final int CONSOLE_BAUD = 115_200;

    // ---------------------------------------------------------------- chip

    @Provides
    @Singleton
    Nrf52840 nrf52840(BoardSettings settings) {
        return new Nrf52840(new Nrf52840.Config(settings.seed(),
                settings.realtime() ? new Realtime() : new FullSpeed()));
    }

    @Provides
    @Singleton
    Chip chip(Nrf52840 nrf) {
        return nrf;
    }

    @Provides
    @Singleton
    VirtualClock clock(Nrf52840 nrf) {
        return nrf.clock();
    }

    @Provides
    @Singleton
    SchedulerTimer schedulerTimer(Nrf52840 nrf) {
        return nrf.systick();
    }

    // ---------------------------------------------------------------- capsule HILs

    /** UARTE0 on the kit's interface-MCU pins: RTS P0.05, TXD P0.06, CTS P0.07, RXD P0.08. */
    @Provides
    @Singleton
    Uarte consoleUarte(Nrf52840 nrf) {
        nrf.uarte0().initialize(UART_TXD, UART_RXD, OptionalInt.of(UART_CTS), OptionalInt.of(UART_RTS));
        return nrf.uarte0();
    }

    @Provides
    @Singleton
    MuxUart consoleUart(Uarte uarte, DeferredCalls deferredCalls) {
        return UartMuxComponent.finalize(uarte, CONSOLE_BAUD, deferredCalls);
    }

    @Provides
    @Singleton
    MuxAlarm alarm(Nrf52840 nrf) {
        nrf.rtc1().start();
        return AlarmMuxComponent.finalize(nrf.rtc1());
    }

    @Provides
    @Singleton
    List<Led> leds(Nrf52840 nrf) {
        return java.util.Arrays.stream(LED_PINS).<Led>mapToObj(pin -> new LedLow(nrf.gpioPin(0, pin))).toList();
    }

    @Provides
    @Singleton
    List<ButtonPin> buttons(Nrf52840 nrf) {
        return java.util.Arrays.stream(BUTTON_PINS).mapToObj(pin -> new ButtonPin(nrf.gpioPin(0, pin),
                ActivationMode.ActiveLow, FloatingState.PullUp)).toList();
    }

    /** Tock's GPIO numbers: P1.01..P1.08 are 0..7, P1.10/P1.11 are left out (8, 9), P1.12..P1.15 are 10..13. */
    @Provides
    @Singleton
    GpioPins gpio(Nrf52840 nrf) {
        Map<Integer, InterruptPin> pins = new java.util.TreeMap<>();
        for (int n = 0; n < 8; n++) {
            pins.put(n, nrf.gpioPin(1, n + 1));
        }
        for (int n = 10; n < 14; n++) {
            pins.put(n, nrf.gpioPin(1, n + 2));
        }
        return GpioPins.byNumber(pins);
    }

    @Provides
    @Singleton
    Rng rng(Nrf52840 nrf) {
        return nrf.trng();
    }

    @Provides
    @Singleton
    TemperatureDriver temperature(Nrf52840 nrf) {
        return nrf.temp();
    }

    // ---------------------------------------------------------------- the board

    @Provides
    @Singleton
    BoardPlan plan() {
        return BoardPlan.builder(Nrf52840dkBoard.NAME, "nRF52840")
                .processSlots(8)
                .appFlash(APP_FLASH)
                .appRam(APP_RAM)
                .capsule("alarm", DriverNumber.ALARM)
                .capsule("console", DriverNumber.CONSOLE)
                .capsule("led", DriverNumber.LED)
                .capsule("button", DriverNumber.BUTTON)
                .capsule("gpio", DriverNumber.GPIO)
                .capsule("low_level_debug", DriverNumber.LOW_LEVEL_DEBUG)
                .capsule("rng", DriverNumber.RNG)
                .capsule("temperature", DriverNumber.TEMPERATURE)
                .trustedCapsule("ipc", DriverNumber.IPC)
                .trustedCapsule("process_console", PROCESS_CONSOLE)
                .scheduler(SchedulerChoice.RoundRobin.tockDefault())
                .faultPolicy(FaultPolicyChoice.PANIC)
                .defaultApps("hello", "blink")
                .build();
    }

    @Provides
    @Singleton
    BoardWorld world(Nrf52840 nrf) {
        List<LedWire> leds = new java.util.ArrayList<>();
        Map<String, org.tock4j.chips.emulator.world.PinWire> pins = new java.util.LinkedHashMap<>();
        for (int i = 0; i < LED_PINS.length; i++) {
            leds.add(new LedWire("LED" + (i + 1), nrf.pin(0, LED_PINS[i]), true));
        }
        for (int i = 0; i < BUTTON_PINS.length; i++) {
            // The kit's buttons short their pin to ground; its pull-up is the chip's.
            pins.put("BUTTON" + (i + 1), nrf.pin(0, BUTTON_PINS[i]));
        }
        for (int pin = 0; pin < 32; pin++) {
            pins.put("P0." + pin, nrf.pin(0, pin));
        }
        for (int pin = 0; pin < 16; pin++) {
            pins.put("P1." + pin, nrf.pin(1, pin));
        }
        return new BoardWorld(nrf.clock(), leds, pins, Map.of("console", nrf.uartLink(0)),
                Map.of("temperature", nrf.temperature()), Map.of("i2c0", nrf.i2cBus(0)),
                Map.of("spi0", nrf.spiBus(0)), nrf.faults());
    }
}
