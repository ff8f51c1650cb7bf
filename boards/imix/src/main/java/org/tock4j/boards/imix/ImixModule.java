package org.tock4j.boards.imix;

import static org.tock4j.chips.sam4l.PeripheralFunction.A;
import static org.tock4j.chips.sam4l.PeripheralFunction.B;
import static org.tock4j.chips.sam4l.PeripheralFunction.C;
import static org.tock4j.chips.sam4l.PeripheralFunction.E;

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
import org.tock4j.kernel.hil.led.LedHigh;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * The imix wired as Tock's {@code main.rs} wires it: 48 MHz from the PLL on the 16 MHz crystal, console on
 * USART3 at 115200 baud, alarms on the AST, the USER LED on PC10 (active high), the USER button on PC24
 * (active low), the Si7021 temperature and humidity sensor on TWIM2, round robin, stop a faulting process.
 *
 * <pre>
 *   chip ─ SAM4L (48 MHz Cortex-M4, 512 KB flash, 64 KB RAM)
 *   USART3 (RX PB09, TX PB10) ─ MuxUart ─ console (0x1)        AST ─ MuxAlarm ─ alarm (0x0)
 *                             └ process console (trusted)
 *   PC10 ─ LedHigh ─ led (0x2)                                  PC24 (active low, board pull-up) ─ button (0x3)
 *   PC31, PC30, PC29, PC28, PC27, PC26, PA20 (D2..D8) ─ gpio (0x4, numbers 0..6)
 *   TWIM2 (SDA PA21, SCL PA22) ─ Si7021 at 0x40 ─ temperature (0x60000)
 *   TRNG ─ rng (0x40001)                                        IPC (0x10000, trusted)
 *   apps: flash 0x0004_0000 .. 0x0008_0000, RAM 0x2000_2000 .. 0x2001_0000
 * </pre>
 *
 * <p>The outside world ({@link BoardWorld}): the pins, the USARTs, the sensors {@code temperature} (°C) and
 * {@code humidity} (%RH) the Si7021 measures, the header's analog inputs {@code AD0}..{@code AD5} (mV; pads
 * AD1..AD6 of the chip, as Tock's ADC channel list maps them), the I2C buses {@code i2c1} (the TWI1 header)
 * and {@code i2c2} (the sensors), and the SPI bus {@code spi} with its chip selects as pins
 * {@code NPCS0}..{@code NPCS3}.
 *
 * <p>Tock's imix also has an ordered console, SPI and ADC system calls, an analog comparator, ambient light,
 * humidity, 9DOF, CRC, USB, UDP over 802.15.4, nRF51822 serialization and nonvolatile storage; tock4j has no
 * component or no device model for those yet. Tock reaches the Si7021 through a {@code MuxI2C}; here the
 * driver is TWIM2's only client.
 *
 * <p>Tock counterpart: {@code boards/imix/src/main.rs} ({@code start}, {@code set_pin_primary_functions},
 * {@code power::configure_submodules}) and {@code boards/imix/chip_layout.ld}.
 */
public final class ImixModule extends AbstractModule {
    /** The console USART and its baud rate ({@code UartMuxComponent::new(&peripherals.usart3, 115200)}). */
    static final int CONSOLE_USART = 3;
    static final int CONSOLE_BAUD = 115_200;
    /** The USER LED, lit when PC10 is high. */
    static final ImixPin USER_LED = new ImixPin('C', 10);
    /** The USER button on PC24: low when pressed; the board's resistor pulls it up. */
    static final ImixPin USER_BUTTON = new ImixPin('C', 24);
    /** The kernel LED on PC22 (the panic LED, active low; no capsule drives it). */
    static final ImixPin KERNEL_LED = new ImixPin('C', 22);
    /** GPIO 0..6 are the header pins D2..D8. */
    static final List<ImixPin> GPIO_PINS = List.of(new ImixPin('C', 31), new ImixPin('C', 30),
            new ImixPin('C', 29), new ImixPin('C', 28), new ImixPin('C', 27), new ImixPin('C', 26),
            new ImixPin('A', 20));
    /** The sensors' I2C bus ({@code MuxI2C::new(&peripherals.i2c2, None)}). */
    static final int SENSORS_TWIM = 2;
    /** The header's I2C bus (TWI1 on PB00, PB01). */
    static final int HEADER_TWIM = 1;
    /** The header's analog inputs AD0..AD5 are the chip's pads AD1..AD6 (Tock's {@code adc_channels}). */
    static final List<Integer> ADC_PADS = List.of(1, 2, 3, 4, 5, 6);
    /** The process console's driver number: Tock registers it with none; ours must not clash. */
    static final int PROCESS_CONSOLE = 0x1_FFFF;
    /** What the Si7021 measures until a test or the CLI sets another value. */
    static final double ROOM_TEMPERATURE = 22.0;
    static final double ROOM_HUMIDITY = 45.0;

    /** {@code rom} 0x10000 +0x30000 holds the kernel; {@code prog} holds the apps. */
    static final AddressRange APP_FLASH = new AddressRange(0x0004_0000, 0x0004_0000);
    /**
     * Tock gives apps the rest of RAM after the kernel's ({@code _sappmem} to the end of {@code ram}); the
     * emulated kernel keeps only the PDCA DMA buffers in chip RAM.
     */
    static final AddressRange APP_RAM = new AddressRange(Sam4lMemoryMap.DRIVER_RAM_END,
            Sam4lMemoryMap.RAM_START + Sam4lMemoryMap.RAM_SIZE - Sam4lMemoryMap.DRIVER_RAM_END);
    static final int NUM_PROCS = 4;

    // ---------------------------------------------------------------- chip

    /**
     * The chip, booted as Tock's {@code start()} boots it: the system clock, the 32 kHz source, the pins'
     * functions, the drivers' deferred calls, and power to the imix submodules.
     */
    @Provides
    @Singleton
    Sam4l sam4l(BoardSettings settings, DeferredCalls deferredCalls) {
        Sam4l chip = new Sam4l(new Sam4l.Config(settings.seed(),
                settings.realtime() ? Pacing.realtime() : Pacing.fullSpeed()));
        chip.pm().setupSystemClock(new PllExternalOscillatorAt48MHz(OscillatorFrequency.Frequency16MHz,
                OscillatorStartup.FastStart), chip.flash());
        // CLK_32 and CLK_1K from RC32K (datasheet 11.6.8).
        chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);
        setPinPrimaryFunctions(chip);
        chip.peripherals().setupCircularDeps(deferredCalls);
        configureSubmodules(chip);
        // The board's own resistor on the USER button (Tock configures the pin PullNone).
        wire(chip, USER_BUTTON).setExternalPull(Pull.UP);
        return chip;
    }

    /** Tock's {@code set_pin_primary_functions}: each pin's peripheral function, or the GPIO. */
    private static void setPinPrimaryFunctions(Sam4l chip) {
        function(chip, 'A', 4, A);     // AD0          ADCIFE AD0
        function(chip, 'A', 5, A);     // AD1          ADCIFE AD1
        function(chip, 'A', 6, C);     // EXTINT1      EIC EXTINT1
        function(chip, 'A', 7, A);     // AD1          ADCIFE AD2
        gpio(chip, 'A', 8);            // RF233 IRQ
        gpio(chip, 'A', 9);            // RF233 RST
        gpio(chip, 'A', 10);           // RF233 SLP
        gpio(chip, 'A', 13);           // TRNG EN
        gpio(chip, 'A', 14);           // TRNG_OUT
        gpio(chip, 'A', 17);           // NRF INT
        function(chip, 'A', 18, A);    // NRF CLK      USART2 CLK
        gpio(chip, 'A', 20);           // D8
        function(chip, 'A', 21, E);    // TWI2 SDA     TWIM2 SDA
        function(chip, 'A', 22, E);    // TWI2 SCL     TWIM2 TWCK
        function(chip, 'A', 25, A);    // USB_N        USB DM
        function(chip, 'A', 26, A);    // USB_P        USB DP
        function(chip, 'B', 0, A);     // TWI1_SDA     TWIMS1 TWD
        function(chip, 'B', 1, A);     // TWI1_SCL     TWIMS1 TWCK
        function(chip, 'B', 2, A);     // AD3          ADCIFE AD3
        function(chip, 'B', 3, A);     // AD4          ADCIFE AD4
        function(chip, 'B', 4, A);     // AD5          ADCIFE AD5
        function(chip, 'B', 5, A);     // VHIGHSAMPLE  ADCIFE AD6
        function(chip, 'B', 6, A);     // RTS3         USART3 RTS
        gpio(chip, 'B', 7);            // NRF RESET
        function(chip, 'B', 9, A);     // RX3          USART3 RX
        function(chip, 'B', 10, A);    // TX3          USART3 TX
        function(chip, 'B', 11, A);    // CTS0         USART0 CTS
        function(chip, 'B', 12, A);    // RTS0         USART0 RTS
        function(chip, 'B', 13, A);    // CLK0         USART0 CLK
        function(chip, 'B', 14, A);    // RX0          USART0 RX
        function(chip, 'B', 15, A);    // TX0          USART0 TX
        function(chip, 'C', 0, A);     // CS2          SPI NPCS2
        function(chip, 'C', 1, A);     // CS3 (RF233)  SPI NPCS3
        function(chip, 'C', 2, A);     // CS1          SPI NPCS1
        function(chip, 'C', 3, A);     // CS0          SPI NPCS0
        function(chip, 'C', 4, A);     // MISO         SPI MISO
        function(chip, 'C', 5, A);     // MOSI         SPI MOSI
        function(chip, 'C', 6, A);     // SCK          SPI CLK
        function(chip, 'C', 7, B);     // RTS2 (BLE)   USART2 RTS
        function(chip, 'C', 8, E);     // CTS2 (BLE)   USART2 CTS
        function(chip, 'C', 9, E);     // ACAN1        ACIFC comparator
        function(chip, 'C', 10, E);    // ACAP1        ACIFC comparator (the LED driver takes PC10 back)
        function(chip, 'C', 11, B);    // RX2 (BLE)    USART2 RX
        function(chip, 'C', 12, B);    // TX2 (BLE)    USART2 TX
        function(chip, 'C', 13, E);    // ACBN1        ACIFC comparator
        function(chip, 'C', 14, E);    // ACBP1        ACIFC comparator
        gpio(chip, 'C', 16);           // SENSE_PWR
        gpio(chip, 'C', 17);           // NRF_PWR
        gpio(chip, 'C', 18);           // RF233_PWR
        gpio(chip, 'C', 19);           // TRNG_PWR
        gpio(chip, 'C', 22);           // KERNEL LED
        gpio(chip, 'C', 24);           // USER_BTN
        function(chip, 'C', 25, B);    // LI_INT       EIC EXTINT2
        gpio(chip, 'C', 26);           // D7
        gpio(chip, 'C', 27);           // D6
        gpio(chip, 'C', 28);           // D5
        gpio(chip, 'C', 29);           // D4
        gpio(chip, 'C', 30);           // D3
        gpio(chip, 'C', 31);           // D2
    }

    /**
     * Tock's {@code power::configure_submodules} with every submodule on (RF233, nRF51422, sensors, TRNG):
     * each power gate's enable pin is driven high, after the nRF's detachable pins get their functions back.
     */
    private static void configureSubmodules(Sam4l chip) {
        powerOn(chip.gpioPin('C', 18));                         // RF233: PA08, PA09, PA10 stay GPIO
        GpioPin nrfGate = chip.gpioPin('C', 17);
        nrfGate.enableOutput();
        chip.gpioPin('B', 7).configure(Optional.empty());
        chip.gpioPin('A', 17).configure(Optional.empty());
        chip.gpioPin('A', 18).configure(Optional.of(A));
        chip.gpioPin('C', 7).configure(Optional.of(B));
        chip.gpioPin('C', 8).configure(Optional.of(E));
        chip.gpioPin('C', 9).configure(Optional.empty());
        nrfGate.set();
        powerOn(chip.gpioPin('C', 16));                         // sensors
        powerOn(chip.gpioPin('C', 19));                         // TRNG
    }

    private static void powerOn(GpioPin gate) {
        gate.enableOutput();
        gate.set();
    }

    private static GpioPin gpioPin(Sam4l chip, ImixPin pin) {
        return chip.gpioPin(pin.port(), pin.number());
    }

    private static PinWire wire(Sam4l chip, ImixPin pin) {
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

    /** USART3 in UART mode ({@code peripherals.usart3.set_mode(UsartMode::Uart)}). */
    @Provides
    @Singleton
    Usart consoleUsart(Sam4l sam4l) {
        Usart usart = sam4l.usart(CONSOLE_USART);
        usart.setMode(UsartMode.Uart);
        return usart;
    }

    /** The UART shared by the console and kernel debug ({@code UartMuxComponent}). */
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

    /** The Si7021 on TWIM2's bus, powered with the sensor submodule ({@code configure_submodules}). */
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
     * {@code SI7021Component::new(mux_i2c, mux_alarm, 0x40)}: the driver on TWIM2 with its own virtual alarm,
     * the temperature sensor the {@code temperature} capsule reads ({@code TemperatureComponent}).
     *
     * @param device the part it talks to, on the bus from then on
     */
    @Provides
    @Singleton
    TemperatureDriver temperature(Sam4l sam4l, MuxAlarm muxAlarm, Si7021Model device) {
        return Si7021Component.finalize(sam4l.i2c(SENSORS_TWIM), muxAlarm, Si7021.DEFAULT_ADDRESS);
    }

    // ---------------------------------------------------------------- GPIO, LED, button, RNG

    @Provides
    @Singleton
    GpioPins gpio(Sam4l sam4l) {
        return GpioPins.of(GPIO_PINS.stream().map(pin -> gpioPin(sam4l, pin)).toList());
    }

    @Provides
    @Singleton
    List<Led> leds(Sam4l sam4l) {
        return List.of(new LedHigh(gpioPin(sam4l, USER_LED)));
    }

    @Provides
    @Singleton
    List<ButtonPin> buttons(Sam4l sam4l) {
        return List.of(new ButtonPin(gpioPin(sam4l, USER_BUTTON), ActivationMode.ActiveLow,
                FloatingState.PullNone));
    }

    @Provides
    @Singleton
    Rng rng(Sam4l sam4l) {
        return sam4l.trng();
    }

    // ---------------------------------------------------------------- the board

    /** Capsules in the order Tock's {@code start()} creates their grants. */
    @Provides
    @Singleton
    BoardPlan plan() {
        return BoardPlan.builder(ImixBoard.NAME, "SAM4L")
                .processSlots(NUM_PROCS)
                .appFlash(APP_FLASH)
                .appRam(APP_RAM)
                .capsule("alarm", DriverNumber.ALARM)
                .trustedCapsule("process_console", PROCESS_CONSOLE)
                .capsule("console", DriverNumber.CONSOLE)
                .capsule("temperature", DriverNumber.TEMPERATURE)
                .capsule("gpio", DriverNumber.GPIO)
                .capsule("led", DriverNumber.LED)
                .capsule("button", DriverNumber.BUTTON)
                .capsule("rng", DriverNumber.RNG)
                .trustedCapsule("ipc", DriverNumber.IPC)
                .scheduler(SchedulerChoice.RoundRobin.tockDefault())
                .faultPolicy(FaultPolicyChoice.STOP)
                .defaultApps("hello", "blink")
                .build();
    }

    @Provides
    @Singleton
    BoardWorld world(Sam4l sam4l, Si7021Model si7021) {
        Map<String, PinWire> pins = new LinkedHashMap<>();
        pins.put("USER_BTN", wire(sam4l, USER_BUTTON));
        pins.put("USER_LED", wire(sam4l, USER_LED));
        pins.put("KERNEL_LED", wire(sam4l, KERNEL_LED));
        for (int i = 0; i < GPIO_PINS.size(); i++) {
            pins.put("D" + (i + 2), wire(sam4l, GPIO_PINS.get(i)));
        }
        for (char port = 'A'; port <= 'C'; port++) {
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
        leds.add(new LedWire("USER_LED", wire(sam4l, USER_LED), false));
        Map<String, SensorValue> sensors = new LinkedHashMap<>();
        sensors.put("temperature", si7021.temperature());
        sensors.put("humidity", si7021.humidity());
        for (int i = 0; i < ADC_PADS.size(); i++) {
            sensors.put("AD" + i, sam4l.analogInput(ADC_PADS.get(i)));
        }
        Map<String, I2cBus> i2cBuses = new LinkedHashMap<>();
        i2cBuses.put("i2c" + HEADER_TWIM, sam4l.i2cBus(HEADER_TWIM));
        i2cBuses.put("i2c" + SENSORS_TWIM, sam4l.i2cBus(SENSORS_TWIM));
        Map<String, SpiBus> spiBuses = Map.of("spi", sam4l.spiBus());
        return new BoardWorld(sam4l.clock(), leds, pins, uarts, sensors, i2cBuses, spiBuses, sam4l.faults());
    }
}
