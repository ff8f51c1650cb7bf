package org.tock4j.kernel.core.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.core.IpcUpcalls;
import org.tock4j.kernel.core.grant.GrantImpl;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.Processes;
import org.tock4j.kernel.syscall.SyscallDriver;

/** The {@code "ipc"} component: what it builds, that it insists on being trusted, and how it is found. */
class IpcComponentTests {
    private final TestBoard board = new TestBoard();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** A board's context for a component at {@code driverNumber}, trusted or not. */
    private ComponentContext context(int driverNumber, boolean trusted) {
        return new ComponentContext() {
            @Override
            public int driverNumber() {
                return driverNumber;
            }

            @Override
            public <T> Grant<T> createGrant(GrantType<T> type, UpcallCount upcalls, AllowRoCount allowRo,
                    AllowRwCount allowRw) {
                return board.kernel().createGrant(driverNumber, type, upcalls, allowRo, allowRw,
                        Capability.memoryAllocation());
            }

            @Override
            public <T> T hil(HilDependency<T> dependency) {
                throw new AssertionError("ipc needs no HIL");
            }

            @Override
            public <T> List<T> hils(HilDependency<T> dependency) {
                throw new AssertionError("ipc needs no HIL");
            }

            @Override
            public DeferredCalls deferredCalls() {
                return board.deferredCalls();
            }

            @Override
            public Processes processes() {
                return board.kernel();
            }

            @Override
            public Optional<ProcessManagementCapability> processManagementCapability() {
                return trusted ? Optional.of(Capability.processManagement()) : Optional.empty();
            }

            @Override
            public Optional<ProcessStartCapability> processStartCapability() {
                return trusted ? Optional.of(Capability.processStart()) : Optional.empty();
            }
        };
    }

    @Test
    void theIpcComponentIsNamedIpcAtDriverNumber0x10000AndNeedsNoHil() {
        IpcComponent component = new IpcComponent();

        assertThat(component.name()).isEqualTo("ipc");
        assertThat(component.defaultDriverNumber()).isEqualTo(0x10000).isEqualTo(DriverNumber.IPC);
        assertThat(component.dependencies()).isEmpty();
    }

    @Test
    void theIpcComponentBuildsAnIpcDriverWithAnUpcallAndAReadWriteAllowPerProcessSlot() {
        SyscallDriver driver = new IpcComponent().create(context(0x10000, true));

        assertThat(driver).isInstanceOf(Ipc.class).isInstanceOf(IpcUpcalls.class);
        Grant<Ipc.IpcData> grant = ((Ipc) driver).grant();
        assertThat(grant.driverNum()).isEqualTo(0x10000);
        // The counters word, then 8 bytes per upcall, read-only allow and read-write allow; IPCData is empty.
        int slots = board.kernel().processSlots();
        assertThat(((GrantImpl<Ipc.IpcData>) grant).allocationSize()).isEqualTo(4 + 8 * (slots + 1 + slots));
    }

    @Test
    void theIpcComponentFailsClearlyWhenTheBoardDoesNotTrustIt() {
        assertThatThrownBy(() -> new IpcComponent().create(context(0x10000, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("capsule 'ipc'")
                .hasMessageContaining("process management capability")
                .hasMessageContaining("trustedCapsule(\"ipc\", 0x10000)");
    }

    @Test
    void theIpcComponentIsDeclaredAsACapsuleComponentService() throws IOException {
        String service = "META-INF/services/" + CapsuleComponent.class.getName();
        try (InputStream in = IpcComponent.class.getClassLoader().getResourceAsStream(service)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .contains(IpcComponent.class.getName());
        }
        ModuleDescriptor descriptor = IpcComponent.class.getModule().getDescriptor();
        if (descriptor != null) {
            assertThat(descriptor.provides()).anySatisfy(p -> {
                assertThat(p.service()).isEqualTo(CapsuleComponent.class.getName());
                assertThat(p.providers()).contains(IpcComponent.class.getName());
            });
        }
    }
}
