package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.lowleveldebug.LowLevelDebug;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.UartDevice;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "low_level_debug"} capsule on the board's {@link MuxUart}: its own {@link UartDevice}, a
 * {@value LowLevelDebug#BUF_LEN}-byte transmit buffer, and a grant with no upcalls or allows that holds each
 * process's message queue.
 *
 * <p>Tock counterpart: {@code components::lldb::LowLevelDebugComponent}.
 */
public final class LowLevelDebugComponent implements CapsuleComponent {
    static final HilDependency<MuxUart> UART_MUX = HilDependency.of(MuxUart.class);

    @Override
    public String name() {
        return "low_level_debug";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.LOW_LEVEL_DEBUG;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(UART_MUX);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        // Tock sets the device up as a receiver too, though the capsule never reads.
        UartDevice lldbUart = new UartDevice(context.hil(UART_MUX), true);
        lldbUart.setup();
        LowLevelDebug lldb = new LowLevelDebug(new byte[LowLevelDebug.BUF_LEN], lldbUart, context.createGrant(
                LowLevelDebug.GRANT_TYPE, LowLevelDebug.UPCALLS, LowLevelDebug.ALLOW_RO, LowLevelDebug.ALLOW_RW));
        lldbUart.setTransmitClient(lldb);
        return lldb;
    }
}
