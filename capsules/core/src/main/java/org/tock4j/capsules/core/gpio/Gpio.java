package org.tock4j.capsules.core.gpio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The GPIO system call driver (driver number {@code 0x4}): processes drive, read and watch the board's
 * general-purpose pins, by GPIO number. Every operation is synchronous.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>arguments</th><th>meaning and return</th></tr>
 *   <tr><td>command</td><td>0</td><td>-</td><td>{@code Success}: the driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>{@code pin}</td><td>makes the pin an output: {@code Success}</td></tr>
 *   <tr><td>command</td><td>2</td><td>{@code pin}</td><td>drives it high: {@code Success}</td></tr>
 *   <tr><td>command</td><td>3</td><td>{@code pin}</td><td>drives it low: {@code Success}</td></tr>
 *   <tr><td>command</td><td>4</td><td>{@code pin}</td><td>toggles it: {@code Success}</td></tr>
 *   <tr><td>command</td><td>5</td><td>{@code pin, pull}</td><td>makes the pin an input, then sets its pull
 *       resistor: 0 none, 1 pull-up, 2 pull-down: {@code Success}; another {@code pull} leaves the pin an
 *       input and answers {@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>command</td><td>6</td><td>{@code pin}</td><td>reads it: {@code SuccessU32(0 or 1)}</td></tr>
 *   <tr><td>command</td><td>7</td><td>{@code pin, edge}</td><td>enables its interrupt on 0 either edge,
 *       1 rising edge, 2 falling edge: {@code Success}; another {@code edge}: {@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>command</td><td>8</td><td>{@code pin}</td><td>disables its interrupt and puts the pin in low
 *       power: {@code Success}</td></tr>
 *   <tr><td>command</td><td>9</td><td>{@code pin}</td><td>puts the pin in low power: {@code Success}</td></tr>
 *   <tr><td>command</td><td>10</td><td>-</td><td>{@code SuccessU32(number of GPIO numbers)}</td></tr>
 *   <tr><td>command</td><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td colspan="2">a pin interrupted: upcall {@code (pin, level, 0)} to
 *       every process that has used the driver</td></tr>
 * </table>
 *
 * <p>Commands 1 to 9 answer {@code Failure(INVAL)} for a {@code pin} not below the count and
 * {@code Failure(NODEVICE)} for an empty GPIO number. The whole first argument is the pin number. Interrupt
 * configuration is shared: any process may enable or disable a pin's interrupt, and every process hears it.
 * A board routes each pin's interrupt to {@link #fired(int)} with the pin's number.
 *
 * <p>Tock counterpart: {@code capsules_core::gpio::GPIO}.
 */
public final class Gpio implements SyscallDriver {

    /** Subscribe number of the interrupt upcall. */
    public static final int UPCALL_NUM = 0;
    public static final UpcallCount UPCALLS = UpcallCount.of(1);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);
    /** Tock's grant data is {@code ()}: zero bytes, only the upcall is kept. */
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, 0, 1);

    private final List<Optional<InterruptPin>> pins;
    private final Grant<App> apps;

    public Gpio(GpioPins pins, Grant<App> grant) {
        this.pins = Objects.requireNonNull(pins, "pins").pins();
        this.apps = Objects.requireNonNull(grant, "grant");
    }

    @Override
    public CommandReturn command(int commandNum, int data1, int data2, ProcessId processId) {
        return switch (commandNum) {
            case 0 -> CommandReturn.success();
            case 1 -> withPin(data1, pin -> {
                pin.makeOutput();
                return CommandReturn.success();
            });
            case 2 -> withPin(data1, pin -> {
                pin.set();
                return CommandReturn.success();
            });
            case 3 -> withPin(data1, pin -> {
                pin.clear();
                return CommandReturn.success();
            });
            case 4 -> withPin(data1, pin -> {
                pin.toggle();
                return CommandReturn.success();
            });
            case 5 -> withPin(data1, pin -> configureInputPin(pin, data2));
            case 6 -> withPin(data1, pin -> CommandReturn.successU32(pin.read() ? 1 : 0));
            case 7 -> withPin(data1, pin -> configureInterrupt(pin, data2));
            case 8 -> withPin(data1, pin -> {
                pin.disableInterrupts();
                pin.deactivateToLowPower();
                return CommandReturn.success();
            });
            case 9 -> withPin(data1, pin -> {
                pin.deactivateToLowPower();
                return CommandReturn.success();
            });
            case 10 -> CommandReturn.successU32(pins.size());
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (data, kernelData) -> (Void) null);
    }

    /**
     * Pin {@code pinNum} interrupted: every process with this driver's grant gets {@code (pin, level, 0)}.
     * Tock counterpart: {@code ClientWithValue::fired}.
     */
    public void fired(int pinNum) {
        pins.get(pinNum).ifPresent(pin -> {
            int level = pin.read() ? 1 : 0;
            apps.each((processId, data, kernelData) -> kernelData.scheduleUpcall(UPCALL_NUM, pinNum, level, 0));
        });
    }

    private CommandReturn withPin(int pinNum, Function<InterruptPin, CommandReturn> action) {
        if (Integer.toUnsignedLong(pinNum) >= pins.size()) {
            return CommandReturn.failure(ErrorCode.INVAL);
        }
        return pins.get(pinNum).map(action).orElse(CommandReturn.failure(ErrorCode.NODEVICE));
    }

    /** Makes the pin an input before looking at {@code pull}, as Tock does. */
    private static CommandReturn configureInputPin(InterruptPin pin, int pull) {
        pin.makeInput();
        return switch (pull) {
            case 0 -> withPull(pin, FloatingState.PullNone);
            case 1 -> withPull(pin, FloatingState.PullUp);
            case 2 -> withPull(pin, FloatingState.PullDown);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    private static CommandReturn withPull(InterruptPin pin, FloatingState state) {
        pin.setFloatingState(state);
        return CommandReturn.success();
    }

    private static CommandReturn configureInterrupt(InterruptPin pin, int edge) {
        return switch (edge) {
            case 0 -> enableInterrupts(pin, InterruptEdge.EitherEdge);
            case 1 -> enableInterrupts(pin, InterruptEdge.RisingEdge);
            case 2 -> enableInterrupts(pin, InterruptEdge.FallingEdge);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    private static CommandReturn enableInterrupts(InterruptPin pin, InterruptEdge edge) {
        pin.enableInterrupts(edge);
        return CommandReturn.success();
    }
}
