package org.tock4j.boards.nrf52840dk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.tock4j.boards.kit.AddressRange;
import org.tock4j.boards.kit.BoardSettings;
import org.tock4j.boards.kit.ChipResources;
import org.tock4j.boards.kit.ChipSupport;
import org.tock4j.chips.emulator.FullSpeed;
import org.tock4j.chips.emulator.Realtime;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.ChipFaults;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.nrf52.Nrf52840;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * The nRF52840 for board files: its pins ({@code P0.0}..{@code P0.31}, {@code P1.0}..{@code P1.15}) and its
 * peripherals by datasheet name — {@code UARTE0} (on the DK's pins P0.06/P0.08), {@code UARTE1}, {@code RTC1}
 * (the default alarm, as Tock's boards use it), {@code RTC0}, {@code RTC2}, {@code TIMER0}, {@code TIMER1},
 * {@code TRNG}, {@code TEMP}, {@code TWIM0}, {@code SPIM0}, {@code NVMC}.
 */
public final class Nrf52840Support implements ChipSupport {

    public Nrf52840Support() {}

    @Override
    public String chipName() {
        return "nRF52840";
    }

    @Override
    public ChipResources create(BoardSettings settings, DeferredCalls deferredCalls) {
        Nrf52840 nrf = new Nrf52840(new Nrf52840.Config(settings.seed(),
                settings.realtime() ? new Realtime() : new FullSpeed()));
        nrf.uarte0().initialize(Nrf52840dkModule.UART_TXD, Nrf52840dkModule.UART_RXD,
                OptionalInt.of(Nrf52840dkModule.UART_CTS), OptionalInt.of(Nrf52840dkModule.UART_RTS));
        nrf.uarte1().initialize(UARTE1_TXD, UARTE1_RXD, OptionalInt.empty(), OptionalInt.empty());
        nrf.rtc1().start();
        nrf.rtc0().start();
        nrf.rtc2().start();

        Map<String, Object> peripherals = new LinkedHashMap<>();
        peripherals.put("UARTE0", nrf.uarte0());
        peripherals.put("UARTE1", nrf.uarte1());
        peripherals.put("RTC1", nrf.rtc1());
        peripherals.put("RTC0", nrf.rtc0());
        peripherals.put("RTC2", nrf.rtc2());
        peripherals.put("TIMER0", nrf.timer0());
        peripherals.put("TIMER1", nrf.timer1());
        peripherals.put("TRNG", nrf.trng());
        peripherals.put("TEMP", nrf.temp());
        peripherals.put("TWIM0", nrf.twim0());
        peripherals.put("SPIM0", nrf.spim0());
        peripherals.put("NVMC", nrf.nvmc(deferredCalls));

        Map<String, InterruptPin> pins = new LinkedHashMap<>();
        Map<String, PinWire> wires = new LinkedHashMap<>();
        for (int port = 0; port < 2; port++) {
            for (int pin = 0; pin < (port == 0 ? 32 : 16); pin++) {
                String name = "P" + port + "." + pin;
                pins.put(name, nrf.gpioPin(port, pin));
                wires.put(name, nrf.pin(port, pin));
            }
        }
        return new Resources(nrf, peripherals, pins, wires);
    }

    /** UARTE1 on free pins of the DK's header (P1.01 / P1.02 are Tock's GPIO, so P0.30 / P0.31). */
    static final int UARTE1_TXD = 30;
    static final int UARTE1_RXD = 31;

    private record Resources(Nrf52840 nrf, Map<String, Object> peripherals, Map<String, InterruptPin> pins,
            Map<String, PinWire> pinWires) implements ChipResources {
        @Override
        public Chip chip() {
            return nrf;
        }

        @Override
        public VirtualClock clock() {
            return nrf.clock();
        }

        @Override
        public SchedulerTimer schedulerTimer() {
            return nrf.systick();
        }

        @Override
        public AddressRange defaultAppFlash() {
            return Nrf52840dkModule.APP_FLASH;
        }

        @Override
        public AddressRange defaultAppRam() {
            return Nrf52840dkModule.APP_RAM;
        }

        @Override
        public Map<String, UartLink> uartLinks() {
            return Map.of("UARTE0", nrf.uartLink(0), "UARTE1", nrf.uartLink(1));
        }

        @Override
        public Map<String, SensorValue> sensors() {
            return Map.of("temperature", nrf.temperature());
        }

        @Override
        public Map<String, I2cBus> i2cBuses() {
            return Map.of("i2c0", nrf.i2cBus(0));
        }

        @Override
        public Map<String, SpiBus> spiBuses() {
            return Map.of("spi0", nrf.spiBus(0));
        }

        @Override
        public ChipFaults faults() {
            return nrf.faults();
        }
    }
}
