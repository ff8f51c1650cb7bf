package org.tock4j.capsules.core.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tock4j.capsules.core.button.ButtonPin;
import org.tock4j.capsules.core.gpio.GpioPins;
import org.tock4j.capsules.core.testing.FakeAlarm;
import org.tock4j.capsules.core.testing.FakeComponentContext;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.capsules.core.testing.FakeUart;
import org.tock4j.capsules.core.testing.ManualDeferredCalls;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.gpio.ActivationMode;
import org.tock4j.kernel.hil.gpio.Client;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.hil.sensors.TemperatureClient;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.Processes;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

class ComponentsTests {
    private static final int RAM = 0x2000_0000;

    private final FakeMemory memory = new FakeMemory(RAM, 1024);
    private final FakeProcessTable processes = new FakeProcessTable(memory);
    private final ManualDeferredCalls deferredCalls = new ManualDeferredCalls();
    private final ProcessId app = processes.spawn();

    @Test
    void componentsAreFoundWithServiceLoaderUnderTockNamesAndDriverNumbers() {
        getClass().getModule().addUses(CapsuleComponent.class);

        Map<String, CapsuleComponent> found = ServiceLoader.load(CapsuleComponent.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(CapsuleComponent::name, c -> c));

        assertThat(found).containsOnlyKeys(
                "alarm", "console", "led", "button", "gpio", "low_level_debug", "rng", "temperature",
                "process_console");
        assertThat(found.get("alarm").defaultDriverNumber()).isEqualTo(DriverNumber.ALARM);
        assertThat(found.get("console").defaultDriverNumber()).isEqualTo(DriverNumber.CONSOLE);
        assertThat(found.get("led").defaultDriverNumber()).isEqualTo(DriverNumber.LED);
        assertThat(found.get("button").defaultDriverNumber()).isEqualTo(0x3);
        assertThat(found.get("gpio").defaultDriverNumber()).isEqualTo(0x4);
        assertThat(found.get("low_level_debug").defaultDriverNumber()).isEqualTo(0x8);
        assertThat(found.get("rng").defaultDriverNumber()).isEqualTo(0x40001);
        assertThat(found.get("temperature").defaultDriverNumber()).isEqualTo(0x60000);
        assertThat(found.get("process_console").defaultDriverNumber()).isEqualTo(0x1FFFF);
    }

    @Test
    void componentsDeclareTheirMuxAndLedDependencies() {
        assertThat(new ConsoleComponent().dependencies()).containsExactly(HilDependency.of(MuxUart.class));
        assertThat(new AlarmComponent().dependencies()).containsExactly(HilDependency.of(MuxAlarm.class));
        assertThat(new LedComponent().dependencies()).containsExactly(HilDependency.all(Led.class));
        assertThat(new ProcessConsoleComponent().dependencies())
                .containsExactly(HilDependency.of(MuxUart.class), HilDependency.of(MuxAlarm.class));
    }

    @Test
    void processConsoleComponentRefusesAnUntrustedContext() {
        FakeUart hardware = new FakeUart();
        MuxUart uartMux = new MuxUart(hardware, 115_200, deferredCalls);
        FakeAlarm rtc = new FakeAlarm(32, 32_768, 0);
        MuxAlarm alarmMux = new MuxAlarm(rtc);
        rtc.setAlarmClient(alarmMux);
        FakeComponentContext context = new FakeComponentContext(0x1FFFF, processes, deferredCalls)
                .bind(ProcessConsoleComponent.UART_MUX, List.of(uartMux))
                .bind(ProcessConsoleComponent.ALARM_MUX, List.of(alarmMux))
                .withProcesses(mock(Processes.class));

        assertThatThrownBy(() -> new ProcessConsoleComponent().create(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'process_console'")
                .hasMessageContaining("does not trust")
                .hasMessageContaining("ProcessManagementCapability")
                .hasMessageContaining("trustedCapsule");
        // Nothing was started: no alarm set for the prompt.
        assertThat(rtc.setCount()).isZero();
    }

    @Test
    void processConsoleComponentPromptsOnTheBoardUartAndAnswersCommandsWhenTrusted() {
        FakeUart hardware = new FakeUart();
        MuxUart uartMux = new MuxUart(hardware, 115_200, deferredCalls);
        uartMux.register();
        hardware.setTransmitClient(uartMux);
        hardware.setReceiveClient(uartMux);
        FakeAlarm rtc = new FakeAlarm(32, 32_768, 0);
        MuxAlarm alarmMux = new MuxAlarm(rtc);
        rtc.setAlarmClient(alarmMux);
        Processes kernel = mock(Processes.class);
        when(kernel.processEachCapability(any())).thenReturn(List.of());
        FakeComponentContext context = new FakeComponentContext(0x1FFFF, processes, deferredCalls)
                .bind(ProcessConsoleComponent.UART_MUX, List.of(uartMux))
                .bind(ProcessConsoleComponent.ALARM_MUX, List.of(alarmMux))
                .trusted(kernel);

        SyscallDriver driver = new ProcessConsoleComponent().create(context);

        assertThat(context.grants()).isEmpty();
        assertThat(driver.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(driver.command(1, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
        rtc.advanceBy(3_277);
        settle(hardware);
        assertThat(hardware.takeOutput()).isEqualTo("tock$ ");
        for (byte b : "status\r".getBytes(StandardCharsets.US_ASCII)) {
            hardware.receive(b);
            settle(hardware);
        }
        assertThat(hardware.takeOutput()).isEqualTo("status\r\nTotal processes: 0\r\nActive processes: 0\r\n"
                + "Timeslice expirations: 0\r\ntock$ ");
    }

    private void settle(FakeUart hardware) {
        while (deferredCalls.serviceNextPending() >= 0 || hardware.completeTransmission()) {
            // Keep going until the console is quiet.
        }
    }

    @Test
    void newComponentsDeclareTheTypesABoardBinds() {
        assertThat(new ButtonComponent().dependencies()).containsExactly(HilDependency.all(ButtonPin.class));
        assertThat(new GpioComponent().dependencies()).containsExactly(HilDependency.of(GpioPins.class));
        assertThat(new LowLevelDebugComponent().dependencies()).containsExactly(HilDependency.of(MuxUart.class));
        assertThat(new RngComponent().dependencies()).containsExactly(HilDependency.of(Rng.class));
        assertThat(new TemperatureComponent().dependencies())
                .containsExactly(HilDependency.of(TemperatureDriver.class));
    }

    /** The client the capsule installed on {@code pin}. */
    private static Client clientOf(InterruptPin pin) {
        ArgumentCaptor<Client> client = ArgumentCaptor.forClass(Client.class);
        verify(pin).setClient(client.capture());
        return client.getValue();
    }

    @Test
    void buttonComponentRoutesEachPinInterruptToItsIndex() {
        InterruptPin pin0 = mock(InterruptPin.class);
        InterruptPin pin1 = mock(InterruptPin.class);
        when(pin1.readActivation(any())).thenCallRealMethod();
        when(pin1.read()).thenReturn(false);
        FakeComponentContext context = new FakeComponentContext(DriverNumber.BUTTON, processes, deferredCalls)
                .bind(ButtonComponent.BUTTONS, List.of(
                        new ButtonPin(pin0, ActivationMode.ActiveLow, FloatingState.PullUp),
                        new ButtonPin(pin1, ActivationMode.ActiveLow, FloatingState.PullUp)));

        SyscallDriver button = new ButtonComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(1, 0, 0);
        assertThat(List.of(grant.type().size(), grant.type().align())).containsExactly(4, 4);
        assertThat(button.command(1, 1, 0, app)).isEqualTo(CommandReturn.success());
        clientOf(pin1).fired();
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 1, 1, 0));
    }

    @Test
    void gpioComponentRoutesEachPresentPinInterruptToItsNumber() {
        InterruptPin pin2 = mock(InterruptPin.class);
        when(pin2.read()).thenReturn(true);
        FakeComponentContext context = new FakeComponentContext(DriverNumber.GPIO, processes, deferredCalls)
                .bind(GpioComponent.PINS, List.of(GpioPins.byNumber(Map.of(2, pin2))));

        SyscallDriver gpio = new GpioComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(1, 0, 0);
        assertThat(gpio.command(10, 0, 0, app)).isEqualTo(CommandReturn.successU32(3));
        gpio.allocateGrant(app);
        clientOf(pin2).fired();
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 2, 1, 0));
    }

    @Test
    void lowLevelDebugComponentPrintsThroughItsOwnDeviceOnTheUartMux() {
        Uart uart = mock(Uart.class);
        when(uart.transmitBuffer(any(), anyInt())).thenReturn(Result.ok());
        MuxUart mux = new MuxUart(uart, 115_200, deferredCalls);
        mux.register();
        FakeComponentContext context = new FakeComponentContext(DriverNumber.LOW_LEVEL_DEBUG, processes, deferredCalls)
                .bind(LowLevelDebugComponent.UART_MUX, List.of(mux));

        SyscallDriver lldb = new LowLevelDebugComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(0, 0, 0);
        assertThat(List.of(grant.type().size(), grant.type().align())).containsExactly(48, 4);
        assertThat(lldb.command(2, 0x2a, 0, app)).isEqualTo(CommandReturn.success());
        lldb.command(1, 7, 0, app);
        deferredCalls.runAll();
        ArgumentCaptor<byte[]> sent = ArgumentCaptor.forClass(byte[].class);
        ArgumentCaptor<Integer> length = ArgumentCaptor.forClass(Integer.class);
        verify(uart).transmitBuffer(sent.capture(), length.capture());
        assertThat(new String(sent.getValue(), 0, length.getValue(), StandardCharsets.US_ASCII))
                .isEqualTo("LowLevelDebug: App 0x" + Integer.toHexString(app.id()) + " prints 0x2a\n");

        mux.transmittedBuffer(sent.getValue(), length.getValue(), Result.ok());
        deferredCalls.runAll();
        verify(uart, org.mockito.Mockito.times(2)).transmitBuffer(sent.capture(), length.capture());
        assertThat(new String(sent.getValue(), 0, length.getValue(), StandardCharsets.US_ASCII))
                .isEqualTo("LowLevelDebug: App 0x" + Integer.toHexString(app.id()) + " alert code 0x7\n");
    }

    @Test
    void rngComponentBecomesTheRngClient() {
        Rng rng = mock(Rng.class);
        when(rng.get()).thenReturn(Result.ok());
        FakeComponentContext context = new FakeComponentContext(DriverNumber.RNG, processes, deferredCalls)
                .bind(RngComponent.RNG, List.of(rng));

        SyscallDriver driver = new RngComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(1, 0, 1);
        ArgumentCaptor<org.tock4j.kernel.hil.rng.Client> client =
                ArgumentCaptor.forClass(org.tock4j.kernel.hil.rng.Client.class);
        verify(rng).setClient(client.capture());
        assertThat(client.getValue()).isSameAs(driver);
    }

    @Test
    void temperatureComponentBecomesTheSensorClient() {
        TemperatureDriver sensor = mock(TemperatureDriver.class);
        when(sensor.readTemperature()).thenReturn(Result.ok());
        FakeComponentContext context = new FakeComponentContext(DriverNumber.TEMPERATURE, processes, deferredCalls)
                .bind(TemperatureComponent.SENSOR, List.of(sensor));

        SyscallDriver temperature = new TemperatureComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(1, 0, 0);
        ArgumentCaptor<TemperatureClient> client = ArgumentCaptor.forClass(TemperatureClient.class);
        verify(sensor).setClient(client.capture());
        temperature.command(1, 0, 0, app);
        client.getValue().callback(Result.ok(2345));
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 2345, 0, 0));
    }

    @Test
    void consoleComponentBuildsAConsoleOnItsOwnUartDevice() {
        Uart uart = mock(Uart.class);
        when(uart.transmitBuffer(any(), anyInt())).thenReturn(Result.ok());
        MuxUart mux = new MuxUart(uart, 115_200, deferredCalls);
        mux.register();
        FakeComponentContext context = new FakeComponentContext(DriverNumber.CONSOLE, processes, deferredCalls)
                .bind(ConsoleComponent.UART_MUX, List.of(mux));

        SyscallDriver console = new ConsoleComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(3, 2, 2);
        assertThat(List.of(grant.type().size(), grant.type().align())).containsExactly(16, 4);

        memory.write(RAM, "hi".getBytes(StandardCharsets.US_ASCII), 0, 2);
        grant.allowReadOnly(app, 1, RAM, 2);
        assertThat(console.command(1, 2, 0, app)).isEqualTo(CommandReturn.success());
        deferredCalls.runAll();
        ArgumentCaptor<byte[]> sent = ArgumentCaptor.forClass(byte[].class);
        verify(uart).transmitBuffer(sent.capture(), org.mockito.ArgumentMatchers.eq(2));
        mux.transmittedBuffer(sent.getValue(), 2, Result.ok());

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(1, 2, 0, 0));
    }

    @Test
    void alarmComponentBuildsAnAlarmDriverOnItsOwnVirtualAlarm() {
        FakeAlarm rtc = new FakeAlarm(24, 32_768, 0);
        MuxAlarm mux = new MuxAlarm(rtc);
        rtc.setAlarmClient(mux);
        FakeComponentContext context = new FakeComponentContext(DriverNumber.ALARM, processes, deferredCalls)
                .bind(AlarmComponent.ALARM_MUX, List.of(mux));

        SyscallDriver alarm = new AlarmComponent().create(context);

        FakeGrant<?> grant = context.grants().get(0);
        assertThat(List.of(grant.upcallCount(), grant.allowRoCount(), grant.allowRwCount())).containsExactly(1, 0, 0);
        assertThat(List.of(grant.type().size(), grant.type().align())).containsExactly(12, 4);

        assertThat(alarm.command(5, 10 << 8, 0, app)).isEqualTo(CommandReturn.successU32(10 << 8));
        rtc.advanceBy(10);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(0, 10 << 8, 10 << 8, 0));
    }

    @Test
    void twoAlarmDriversShareOneHardwareAlarmThroughTheMux() {
        FakeAlarm rtc = new FakeAlarm(32, 32_768, 0);
        MuxAlarm mux = new MuxAlarm(rtc);
        rtc.setAlarmClient(mux);
        FakeComponentContext first = new FakeComponentContext(DriverNumber.ALARM, processes, deferredCalls)
                .bind(AlarmComponent.ALARM_MUX, List.of(mux));
        FakeComponentContext second = new FakeComponentContext(0x9_0000, processes, deferredCalls)
                .bind(AlarmComponent.ALARM_MUX, List.of(mux));
        SyscallDriver a = new AlarmComponent().create(first);
        SyscallDriver b = new AlarmComponent().create(second);

        a.command(5, 300, 0, app);
        b.command(5, 100, 0, app);
        rtc.advanceBy(100);

        assertThat(second.grants().get(0).upcalls(app)).containsExactly(new Upcall(0, 100, 100, 0));
        assertThat(first.grants().get(0).upcalls(app)).isEmpty();
        rtc.advanceBy(200);
        assertThat(first.grants().get(0).upcalls(app)).containsExactly(new Upcall(0, 300, 300, 0));
    }

    @Test
    void ledComponentDrivesEveryBoundLedInOrder() {
        Led led0 = mock(Led.class);
        Led led1 = mock(Led.class);
        FakeComponentContext context = new FakeComponentContext(DriverNumber.LED, processes, deferredCalls)
                .bind(LedComponent.LEDS, List.of(led0, led1));

        SyscallDriver leds = new LedComponent().create(context);

        assertThat(context.grants()).isEmpty();
        verify(led1).init();
        assertThat(leds.command(0, 0, 0, app)).isEqualTo(CommandReturn.successU32(2));
        leds.command(1, 1, 0, app);
        verify(led1).on();
    }
}
