package org.tock4j.boards.hail;

import static org.tock4j.chips.sam4l.PeripheralFunction.A;
import static org.tock4j.chips.sam4l.PeripheralFunction.B;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.tock4j.capsules.core.si7021.Si7021;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.si7021.Si7021Component;
import org.tock4j.capsules.core.virtualizers.AlarmMuxComponent;
import org.tock4j.capsules.core.virtualizers.UartMuxComponent;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.devices.Si7021Model;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.Pull;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.sam4l.Bpm;
import org.tock4j.chips.sam4l.GpioPin;
import org.tock4j.chips.sam4l.PeripheralFunction;
import org.tock4j.chips.sam4l.Sam4l;
import org.tock4j.chips.sam4l.Sam4lMemoryMap;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorFrequency;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorStartup;
import org.tock4j.chips.sam4l.SystemClockSource.PllExternalOscillatorAt48MHz;
import org.tock4j.chips.sam4l.Usart;
import org.tock4j.chips.sam4l.UsartMode;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.gpio.ActivationMode;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.led.LedLow;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * The Hail wired as Tock's {@code main.rs} wires it: 48 MHz from the PLL on the 16 MHz crystal (slow
 * start), console on USART0 (the FTDI chip) at 115200 baud, alarms on the AST, the RGB LED on PA13, PA15, PA14
 * (active low), the user button on PA16 (active low), the Si7021 temperature and humidity sensor on TWIM1,
 * round robin, restart a faulting process.
 *
 * <pre>
 *   chip ─ SAM4L (48 MHz Cortex-M4, 512 KB flash, 64 KB RAM)
 *   USART0 (RX PA11, TX PA12, RTS PA08) ─ MuxUart ─ console (0x1)      AST ─ MuxAlarm ─ alarm (0x0)
 *                                                 └ process console (trusted)
 *   TWIM1 (SDA PB00, SCL PB01) ─ Si7021 at 0x40 ─ temperature (0x60000)
 *   PA13 red, PA15 green, PA14 blue ─ LedLow ×3 ─ led (0x2)
 *   PA16 (active low, board pull-up) ─ button (0x3)
 *   PB14, PB15, PB11, PB12 (D0, D1, D6, D7) ─ gpio (0x4, numbers 0..3)
 *   TRNG ─ rng (0x40001)                                                IPC (0x10000, trusted)
 *   apps: flash 0x0003_0000 .. 0x0007_0000, RAM 0x2000_2000 .. 0x2001_0000
 * </pre>
 *
 * <p>The outside world ({@link BoardWorld}): the pins, the USARTs, the sensors {@code temperature} (°C) and
 * {@code humidity} (%RH) the Si7021 measures, the analog inputs {@code A0}..{@code A5} (mV; pads AD0, AD1,
 * AD3..AD6 of the chip, as Tock's ADC channel list maps them), the I2C bus {@code i2c1} (the sensors) and the
 * SPI bus {@code spi} with its chip selects as pins {@code NPCS0}..{@code NPCS3}.
 *
 * <p>Tock's Hail also has SPI, ADC and DAC system calls, ambient light, humidity, 9DOF, CRC and nRF51822
 * serialization; tock4j has no component or no device model for those yet. Tock reaches the Si7021 through
 * a {@code MuxI2C}; here the driver is TWIM1's only client.
 *
 * <p>The fault policy is Tock's {@code ThresholdRestartThenPanicFaultPolicy::new(4)}: a faulting process restarts
 * while its restart count is at most 4; its next fault panics the board.
 *
 * <p>Tock counterpart: {@code boards/hail/src/main.rs} ({@code start}, {@code set_pin_primary_functions})
 * and {@code boards/hail/chip_layout.ld}.
 */
public final class HailModule extends AbstractModule {
    /** The console USART and its baud rate ({@code UartMuxComponent::new(&peripherals.usart0, 115200)}). */
    static final int CONSOLE_USART = 0;
    static final int CONSOLE_BAUD = 115_200;
    /** The RGB LED in the LED driver's order: red, green, blue, each lit when its pin is low. */
    static final List<HailPin> LED_PINS = List.of(new HailPin('A', 13), new HailPin('A', 15),
            new HailPin('A', 14));
    static final List<String> LED_NAMES = List.of("RED_LED", "GREEN_LED", "BLUE_LED");
    /** The user button on PA16: low when pressed; the board's resistor pulls it up. */
    static final HailPin BUTTON = new HailPin('A', 16);
    /** GPIO 0..3 are the header pins D0, D1, D6, D7. */
    static final List<HailPin> GPIO_PINS = List.of(new HailPin('B', 14), new HailPin('B', 15),
            new HailPin('B', 11), new HailPin('B', 12));
    /** The header's D0..D7 (D2..D5 carry the SPI). */
    static final List<HailPin> HEADER_PINS = List.of(new HailPin('B', 14), new HailPin('B', 15),
            new HailPin('A', 22), new HailPin('A', 21), new HailPin('A', 23), new HailPin('A', 24),
            new HailPin('B', 11), new HailPin('B', 12));
    /** The sensors' I2C bus ({@code I2CMuxComponent::new(&peripherals.i2c1, None)}). */
    static final int SENSORS_TWIM = 1;
    /** The analog inputs A0..A5 are the chip's pads AD0, AD1, AD3..AD6 (Tock's {@code adc_channels}). */
    static final List<Integer> ADC_PADS = List.of(0, 1, 3, 4, 5, 6);
    /** The process console's driver number: Tock registers it with none; ours must not clash. */
    static final int PROCESS_CONSOLE = 0x1_FFFF;
    /** What the Si7021 measures until a test or the CLI sets another value. */
    static final double ROOM_TEMPERATURE = 22.0;
    static final double ROOM_HUMIDITY = 45.0;

    /** {@code rom} 0x10000 +0x20000 holds the kernel; {@code prog} holds the apps. */
    static final AddressRange APP_FLASH = new AddressRange(0x0003_0000, 0x0004_0000);
    /**
     * Tock gives apps the rest of RAM after the kernel's ({@code _sappmem} to the end of {@code ram}); the
     * emulated kernel keeps only the PDCA DMA buffers in chip RAM.
     */
    static final AddressRange APP_RAM = new AddressRange(Sam4lMemoryMap.DRIVER_RAM_END,
            Sam4lMemoryMap.RAM_START + Sam4lMemoryMap.RAM_SIZE - Sam4lMemoryMap.DRIVER_RAM_END);
    static final int NUM_PROCS = 20;

    // ---------------------------------------------------------------- chip

    /**
     * The chip, booted as Tock's {@code start()} boots it: the system clock, the 32 kHz source, the pins'
     * functions and the drivers' deferred calls.
     */
    @Provides
    @Singleton
    Sam4l sam4l(BoardSettings settings, DeferredCalls deferredCalls) {
        Sam4l chip = new Sam4l(new Sam4l.Config(settings.seed(),
                settings.realtime() ? Pacing.realtime() : Pacing.fullSpeed()));
        chip.pm().setupSystemClock(new PllExternalOscillatorAt48MHz(OscillatorFrequency.Frequency16MHz,
                OscillatorStartup.SlowStart), chip.flash());
        // CLK_32 and CLK_1K from RC32K (datasheet 11.6.8).
        chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);
        setPinPrimaryFunctions(chip);
        chip.peripherals().setupCircularDeps(deferredCalls);
        // The board's own resistor on the user button (Tock configures the pin PullNone).
        wire(chip, BUTTON).setExternalPull(Pull.UP);
        return chip;
    }

    /** Tock's {@code set_pin_primary_functions}: each pin's peripheral function, or the GPIO. */
    private static void setPinPrimaryFunctions(Sam4l chip) {
        function(chip, 'A', 4, A);     // A0           ADC0
        function(chip, 'A', 5, A);     // A1           ADC1
        function(chip, 'A', 6, A);     // DAC
        gpio(chip, 'A', 7);            // WKP          wake-up
        function(chip, 'A', 8, A);     // FTDI_RTS     USART0 RTS
        gpio(chip, 'A', 9);            // ACC_INT1     FXOS8700CQ interrupt 1
        gpio(chip, 'A', 10);           // unused
        function(chip, 'A', 11, A);    // FTDI_OUT     USART0 RX, FTDI to SAM4L
        function(chip, 'A', 12, A);    // FTDI_IN      USART0 TX, SAM4L to FTDI
        gpio(chip, 'A', 13);           // RED_LED
        gpio(chip, 'A', 14);           // BLUE_LED
        gpio(chip, 'A', 15);           // GREEN_LED
        gpio(chip, 'A', 16);           // BUTTON       user button
        gpio(chip, 'A', 17);           // !NRF_RESET   nRF51822 reset
        gpio(chip, 'A', 18);           // ACC_INT2     FXOS8700CQ interrupt 2
        gpio(chip, 'A', 19);           // unused
        gpio(chip, 'A', 20);           // !LIGHT_INT   ISL29035 interrupt
        function(chip, 'A', 21, A);    // D3           SPI MISO
        function(chip, 'A', 22, A);    // D2           SPI MOSI
        function(chip, 'A', 23, A);    // D4           SPI SCK
        function(chip, 'A', 24, A);    // D5           SPI CS0
        function(chip, 'A', 25, B);    // RX           USART2 RXD
        function(chip, 'A', 26, B);    // TX           USART2 TXD
        function(chip, 'B', 0, A);     // SENSORS_SDA  TWIMS1 SDA
        function(chip, 'B', 1, A);     // SENSORS_SCL  TWIMS1 SCL
        function(chip, 'B', 2, A);     // A2           ADC3
        function(chip, 'B', 3, A);     // A3           ADC4
        function(chip, 'B', 4, A);     // A4           ADC5
        function(chip, 'B', 5, A);     // A5           ADC6
        function(chip, 'B', 6, A);     // NRF_CTS      USART3 RTS
        function(chip, 'B', 7, A);     // NRF_RTS      USART3 CTS
        gpio(chip, 'B', 8);            // NRF_INT      nRF to SAM4L interrupt
        function(chip, 'B', 9, A);     // NRF_OUT      USART3 RXD
        function(chip, 'B', 10, A);    // NRF_IN       USART3 TXD
        gpio(chip, 'B', 11);           // D6
        gpio(chip, 'B', 12);           // D7
        gpio(chip, 'B', 13);           // unused
        gpio(chip, 'B', 14);           // D0
        gpio(chip, 'B', 15);           // D1
    }

    private static GpioPin gpioPin(Sam4l chip, HailPin pin) {
        return chip.gpioPin(pin.port(), pin.number());
    }

    private static PinWire wire(Sam4l chip, HailPin pin) {
        return chip.pin(pin.port(), pin.number());
    }

    private static void function(Sam4l chip, char port, int pin, PeripheralFunction function) {
        chip.gpioPin(port, pin).configure(Optional.of(function));
    }

    private static void gpio(Sam4l chip, char port, int pin) {
        chip.gpioPin(port, pin).configure(Optional.empty());
    }

    @Provides
    @Singleton
    Chip chip(Sam4l sam4l) {
        return sam4l;
    }

    @Provides
    @Singleton
    VirtualClock clock(Sam4l sam4l) {
        return sam4l.clock();
    }

    @Provides
    @Singleton
    SchedulerTimer schedulerTimer(Sam4l sam4l) {
        return sam4l.systick();
    }

    // ---------------------------------------------------------------- console

    /** USART0 in UART mode ({@code peripherals.usart0.set_mode(UsartMode::Uart)}). */
    @Provides
    @Singleton
    Usart consoleUsart(Sam4l sam4l) {
        Usart usart = sam4l.usart(CONSOLE_USART);
        usart.setMode(UsartMode.Uart);
        return usart;
    }

    /** The UART shared by the console and kernel debug ({@code UartMuxComponent}, then {@code initialize}). */
    @Provides
    @Singleton
    MuxUart consoleUart(Usart usart, DeferredCalls deferredCalls) {
        return UartMuxComponent.finalize(usart, CONSOLE_BAUD, deferredCalls);
    }

    // ---------------------------------------------------------------- timer

    /** {@code AlarmMuxComponent::new(&peripherals.ast)}, then {@code peripherals.ast.configure(mux_alarm)}. */
    @Provides
    @Singleton
    MuxAlarm alarm(Sam4l sam4l) {
        MuxAlarm mux = AlarmMuxComponent.finalize(sam4l.ast());
        sam4l.ast().configure(mux);
        return mux;
    }

    // ---------------------------------------------------------------- sensors

    /** The Si7021 on TWIM1's bus. */
    @Provides
    @Singleton
    Si7021Model si7021Device(Sam4l sam4l) {
        VirtualClock clock = sam4l.clock();
        Si7021Model device = new Si7021Model(clock, new SensorValue("temperature", "°C", ROOM_TEMPERATURE, clock),
                new SensorValue("humidity", "%RH", ROOM_HUMIDITY, clock));
        sam4l.i2cBus(SENSORS_TWIM).attach(device);
        return device;
    }

    /**
     * {@code SI7021Component::new(sensors_i2c, mux_alarm, 0x40)}: the driver on TWIM1 with its own virtual
     * alarm, the temperature sensor the {@code temperature} capsule reads ({@code TemperatureComponent}).
     *
     * @param device the part it talks to, on the bus from then on
     */
    @Provides
    @Singleton
    TemperatureDriver temperature(Sam4l sam4l, MuxAlarm muxAlarm, Si7021Model device) {
        return Si7021Component.finalize(sam4l.i2c(SENSORS_TWIM), muxAlarm, Si7021.DEFAULT_ADDRESS);
    }

    // ---------------------------------------------------------------- LEDs, button, RNG, GPIO

    @Provides
    @Singleton
    List<Led> leds(Sam4l sam4l) {
        return LED_PINS.stream().<Led>map(pin -> new LedLow(gpioPin(sam4l, pin))).toList();
    }

    @Provides
    @Singleton
    List<ButtonPin> buttons(Sam4l sam4l) {
        return List.of(new ButtonPin(gpioPin(sam4l, BUTTON), ActivationMode.ActiveLow, FloatingState.PullNone));
    }

    @Provides
    @Singleton
    Rng rng(Sam4l sam4l) {
        return sam4l.trng();
    }

    @Provides
    @Singleton
    GpioPins gpio(Sam4l sam4l) {
        return GpioPins.of(GPIO_PINS.stream().map(pin -> gpioPin(sam4l, pin)).toList());
    }

    // ---------------------------------------------------------------- the board

    /** Capsules in the order Tock's {@code start()} creates their grants. */
    @Provides
    @Singleton
    BoardPlan plan() {
        return BoardPlan.builder(HailBoard.NAME, "SAM4L")
                .processSlots(NUM_PROCS)
                .appFlash(APP_FLASH)
                .appRam(APP_RAM)
                .capsule("console", DriverNumber.CONSOLE)
                .trustedCapsule("process_console", PROCESS_CONSOLE)
                .capsule("temperature", DriverNumber.TEMPERATURE)
                .capsule("alarm", DriverNumber.ALARM)
                .capsule("led", DriverNumber.LED)
                .capsule("button", DriverNumber.BUTTON)
                .capsule("rng", DriverNumber.RNG)
                .capsule("gpio", DriverNumber.GPIO)
                .trustedCapsule("ipc", DriverNumber.IPC)
                .scheduler(SchedulerChoice.RoundRobin.tockDefault())
                .faultPolicy(new FaultPolicyChoice.ThresholdRestartThenPanic(4))
                .defaultApps("hello", "blink")
                .build();
    }

    @Provides
    @Singleton
    BoardWorld world(Sam4l sam4l, Si7021Model si7021) {
        Map<String, PinWire> pins = new LinkedHashMap<>();
        pins.put("BUTTON", wire(sam4l, BUTTON));
        for (int i = 0; i < LED_PINS.size(); i++) {
            pins.put(LED_NAMES.get(i), wire(sam4l, LED_PINS.get(i)));
        }
        for (int i = 0; i < HEADER_PINS.size(); i++) {
            pins.put("D" + i, wire(sam4l, HEADER_PINS.get(i)));
        }
        // Hail's main.rs uses ports A and B only.
        for (char port = 'A'; port <= 'B'; port++) {
            for (int pin = 0; pin < 32; pin++) {
                PinWire wire = sam4l.pin(port, pin);
                pins.put(wire.name(), wire);
            }
        }
        for (int cs = 0; cs < 4; cs++) {
            PinWire wire = sam4l.spiChipSelect(cs);
            pins.put(wire.name(), wire);
        }
        Map<String, UartLink> uarts = new LinkedHashMap<>();
        uarts.put("console", sam4l.uartLink(CONSOLE_USART));
        for (int n = 0; n < 4; n++) {
            uarts.put("USART" + n, sam4l.uartLink(n));
        }
        List<LedWire> leds = new ArrayList<>();
        for (int i = 0; i < LED_PINS.size(); i++) {
            leds.add(new LedWire(LED_NAMES.get(i), wire(sam4l, LED_PINS.get(i)), true));
        }
        Map<String, SensorValue> sensors = new LinkedHashMap<>();
        sensors.put("temperature", si7021.temperature());
        sensors.put("humidity", si7021.humidity());
        for (int i = 0; i < ADC_PADS.size(); i++) {
            sensors.put("A" + i, sam4l.analogInput(ADC_PADS.get(i)));
        }
        Map<String, I2cBus> i2cBuses = Map.of("i2c" + SENSORS_TWIM, sam4l.i2cBus(SENSORS_TWIM));
        Map<String, SpiBus> spiBuses = Map.of("spi", sam4l.spiBus());
        return new BoardWorld(sam4l.clock(), leds, pins, uarts, sensors, i2cBuses, spiBuses, sam4l.faults());
    }
}
