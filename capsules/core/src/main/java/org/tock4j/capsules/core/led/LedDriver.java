package org.tock4j.capsules.core.led;

import java.util.List;
import java.util.function.Consumer;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The LED system call driver (driver number {@code 0x2}): processes turn the board's LEDs on and off, by
 * index in the board's order.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>command</th><th>argument</th><th>returns</th></tr>
 *   <tr><td>0</td><td>-</td><td>{@code SuccessU32(number of LEDs)}; also tells the driver exists</td></tr>
 *   <tr><td>1</td><td>{@code index}</td><td>turns the LED on: {@code Success}; {@code Failure(INVAL)} for an
 *       index not below the count</td></tr>
 *   <tr><td>2</td><td>{@code index}</td><td>turns the LED off: as command 1</td></tr>
 *   <tr><td>3</td><td>{@code index}</td><td>toggles the LED: as command 1</td></tr>
 *   <tr><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 * </table>
 *
 * <p>No subscribe or allow: the driver keeps no grant, so {@link #allocateGrant} allocates nothing.
 * Creating the driver initialises every LED and turns it off.
 *
 * <p>Tock counterpart: {@code capsules_core::led::LedDriver}.
 */
public final class LedDriver implements SyscallDriver {
    private final List<Led> leds;

    public LedDriver(List<? extends Led> leds) {
        this.leds = List.copyOf(leds);
        for (Led led : this.leds) {
            led.init();
            led.off();
        }
    }

    @Override
    public CommandReturn command(int commandNum, int data, int unused, ProcessId processId) {
        return switch (commandNum) {
            // TRD104 wants Success for command 0; Tock keeps SuccessU32 until its next major release.
            case 0 -> CommandReturn.successU32(leds.size());
            case 1 -> withLed(data, Led::on);
            case 2 -> withLed(data, Led::off);
            case 3 -> withLed(data, Led::toggle);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return Result.ok();
    }

    private CommandReturn withLed(int index, Consumer<Led> action) {
        if (Integer.toUnsignedLong(index) >= leds.size()) {
            return CommandReturn.failure(ErrorCode.INVAL);
        }
        action.accept(leds.get(index));
        return CommandReturn.success();
    }
}
