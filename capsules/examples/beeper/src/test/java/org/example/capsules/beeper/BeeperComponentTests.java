package org.example.capsules.beeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

class BeeperComponentTests {
    private final BeeperComponent component = new BeeperComponent();

    @Test
    void itIsTheBeeperAtDriverNumber0x90010NeedingAPinAndAnAlarmMux() {
        assertThat(component.name()).isEqualTo("beeper");
        assertThat(component.defaultDriverNumber()).isEqualTo(0x90010);
        assertThat(component.dependencies())
                .containsExactly(HilDependency.of(Pin.class), HilDependency.of(MuxAlarm.class));
    }

    @Test
    void createWiresTheBeeperToThePinAndAVirtualAlarmOnTheBoardsMux() {
        Pin pin = mock(Pin.class);
        Alarm hardware = mock(Alarm.class);
        when(hardware.frequency()).thenReturn(32_768);
        when(hardware.now()).thenReturn(Ticks.of(500, 24));
        when(hardware.minimumDt()).thenReturn(Ticks.of(2, 24));
        MuxAlarm mux = new MuxAlarm(hardware);
        TestGrant<App> grant = new TestGrant<>(Beeper.GRANT_TYPE);
        ComponentContext context = mock(ComponentContext.class);
        when(context.driverNumber()).thenReturn(Beeper.DRIVER_NUM);
        when(context.hil(BeeperComponent.PIN)).thenReturn(pin);
        when(context.hil(BeeperComponent.ALARM_MUX)).thenReturn(mux);
        when(context.createGrant(Beeper.GRANT_TYPE, Beeper.UPCALLS, Beeper.ALLOW_RO, Beeper.ALLOW_RW))
                .thenReturn(grant);
        ProcessId app = mock(ProcessId.class);

        SyscallDriver driver = component.create(context);
        assertThat(driver.command(Beeper.COMMAND_BEEP, 100, 0, app)).isEqualTo(CommandReturn.success());

        InOrder order = inOrder(pin);
        order.verify(pin).makeOutput();
        order.verify(pin).clear();
        order.verify(pin).set();
        verify(hardware).setAlarm(Ticks.of(500, 24), Ticks.of(3_276, 24));

        // The hardware alarm fires after the beep's 3276 ticks: the mux hands it to the beeper's virtual alarm.
        when(hardware.now()).thenReturn(Ticks.of(500 + 3_276, 24));
        mux.alarm();

        order.verify(pin).clear();
        verify(grant.kernelData(app)).scheduleUpcall(Beeper.UPCALL_DONE, 100, 0, 0);
    }

    @Test
    void theModuleProvidesTheComponent() {
        ModuleDescriptor descriptor = BeeperComponent.class.getModule().getDescriptor();

        assertThat(descriptor.provides()).anySatisfy(provides -> {
            assertThat(provides.service()).isEqualTo(CapsuleComponent.class.getName());
            assertThat(provides.providers()).containsExactly(BeeperComponent.class.getName());
        });
        assertThat(descriptor.exports()).isEmpty();
    }

    @Test
    void metaInfServicesListsTheComponentForClassPathUsers() throws IOException {
        try (InputStream in = BeeperComponent.class.getModule()
                .getResourceAsStream("META-INF/services/" + CapsuleComponent.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList())
                    .isEqualTo(List.of(BeeperComponent.class.getName()));
        }
    }
}
