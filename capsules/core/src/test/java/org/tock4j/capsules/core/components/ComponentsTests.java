package org.tock4j.capsules.core.components;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.tock4j.capsules.core.testing.FakeAlarm;
import org.tock4j.capsules.core.testing.FakeComponentContext;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.capsules.core.testing.ManualDeferredCalls;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.process.ProcessId;
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

        assertThat(found).containsOnlyKeys("alarm", "console", "led");
        assertThat(found.get("alarm").defaultDriverNumber()).isEqualTo(DriverNumber.ALARM);
        assertThat(found.get("console").defaultDriverNumber()).isEqualTo(DriverNumber.CONSOLE);
        assertThat(found.get("led").defaultDriverNumber()).isEqualTo(DriverNumber.LED);
    }

    @Test
    void componentsDeclareTheirMuxAndLedDependencies() {
        assertThat(new ConsoleComponent().dependencies()).containsExactly(HilDependency.of(MuxUart.class));
        assertThat(new AlarmComponent().dependencies()).containsExactly(HilDependency.of(MuxAlarm.class));
        assertThat(new LedComponent().dependencies()).containsExactly(HilDependency.all(Led.class));
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
