package org.tock4j.boards.imix;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tock4j.boards.kit.AddressRange;
import org.tock4j.boards.kit.BoardSettings;
import org.tock4j.boards.kit.ChipResources;
import org.tock4j.boards.kit.ChipSupport;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.ChipFaults;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.sam4l.Bpm;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorFrequency;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorStartup;
import org.tock4j.chips.sam4l.SystemClockSource.PllExternalOscillatorAt48MHz;
import org.tock4j.chips.sam4l.Sam4l;
import org.tock4j.chips.sam4l.Sam4lMemoryMap;
import org.tock4j.chips.sam4l.Usart;
import org.tock4j.chips.sam4l.UsartMode;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * The SAM4L for board files, booted as Tock's SAM4L boards boot it (48 MHz from the PLL on a 16 MHz crystal,
 * CLK_32 from RC32K, the drivers' deferred calls): pins {@code PA00}..{@code PC31}, and peripherals by datasheet
 * name — {@code USART0}..{@code USART3} (in UART mode), {@code AST} (the alarm), {@code TRNG},
 * {@code TWIM0}..{@code TWIM2}, {@code SPI}, {@code ADC}, {@code FLASHCALW}.
 */
public final class Sam4lSupport implements ChipSupport {

    public Sam4lSupport() {}

    @Override
    public String chipName() {
        return "SAM4L";
    }

    @Override
    public ChipResources create(BoardSettings settings, DeferredCalls deferredCalls) {
        Sam4l chip = new Sam4l(new Sam4l.Config(settings.seed(),
                settings.realtime() ? Pacing.realtime() : Pacing.fullSpeed()));
        chip.pm().setupSystemClock(new PllExternalOscillatorAt48MHz(OscillatorFrequency.Frequency16MHz,
                OscillatorStartup.FastStart), chip.flash());
        chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);
        chip.peripherals().setupCircularDeps(deferredCalls);
        // The AST counts from here; the alarm mux a board file makes becomes its client.
        chip.ast().configure(() -> { });

        Map<String, Object> peripherals = new LinkedHashMap<>();
        Map<String, UartLink> links = new LinkedHashMap<>();
        for (int n = 0; n < 4; n++) {
            Usart usart = chip.usart(n);
            usart.setMode(UsartMode.Uart);
            peripherals.put("USART" + n, usart);
            links.put("USART" + n, chip.uartLink(n));
        }
        peripherals.put("AST", chip.ast());
        peripherals.put("TRNG", chip.trng());
        for (int n = 0; n < 3; n++) {
            peripherals.put("TWIM" + n, chip.i2c(n));
        }
        peripherals.put("SPI", chip.spi());
        peripherals.put("ADC", chip.adc());
        peripherals.put("FLASHCALW", chip.flash());

        Map<String, InterruptPin> pins = new LinkedHashMap<>();
        Map<String, PinWire> wires = new LinkedHashMap<>();
        for (char port = 'A'; port <= 'C'; port++) {
            for (int pin = 0; pin < 32; pin++) {
                String name = String.format("P%c%02d", port, pin);
                pins.put(name, chip.gpioPin(port, pin));
                wires.put(name, chip.pin(port, pin));
            }
        }
        Map<String, I2cBus> buses = new LinkedHashMap<>();
        for (int n = 0; n < 3; n++) {
            buses.put("i2c" + n, chip.i2cBus(n));
        }
        return new Resources(chip, peripherals, links, pins, wires, buses);
    }

    private record Resources(Sam4l sam4l, Map<String, Object> peripherals, Map<String, UartLink> uartLinks,
            Map<String, InterruptPin> pins, Map<String, PinWire> pinWires, Map<String, I2cBus> i2cBuses)
            implements ChipResources {
        @Override
        public Chip chip() {
            return sam4l;
        }

        @Override
        public VirtualClock clock() {
            return sam4l.clock();
        }

        @Override
        public SchedulerTimer schedulerTimer() {
            return sam4l.systick();
        }

        @Override
        public AddressRange defaultAppFlash() {
            return ImixModule.APP_FLASH;
        }

        @Override
        public AddressRange defaultAppRam() {
            return new AddressRange(Sam4lMemoryMap.DRIVER_RAM_END,
                    Sam4lMemoryMap.RAM_START + Sam4lMemoryMap.RAM_SIZE - Sam4lMemoryMap.DRIVER_RAM_END);
        }

        @Override
        public Map<String, SensorValue> sensors() {
            return Map.of();
        }

        @Override
        public Map<String, SpiBus> spiBuses() {
            return Map.of("spi", sam4l.spiBus());
        }

        @Override
        public ChipFaults faults() {
            return sam4l.faults();
        }
    }
}
