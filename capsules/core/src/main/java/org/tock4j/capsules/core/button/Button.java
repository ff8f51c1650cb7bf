package org.tock4j.capsules.core.button;

import java.util.List;
import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.gpio.ActivationState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The button system call driver (driver number {@code 0x3}): processes read the board's buttons and are told
 * when they are pressed and released, by index in the board's order.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>argument</th><th>meaning and return</th></tr>
 *   <tr><td>command</td><td>0</td><td>-</td><td>{@code SuccessU32(number of buttons)}; also tells the
 *       driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>{@code index}</td><td>enables this process's interrupts for the button
 *       (press and release): {@code Success}</td></tr>
 *   <tr><td>command</td><td>2</td><td>{@code index}</td><td>disables them; the pin's interrupt is switched
 *       off once no process listens to it: {@code Success}</td></tr>
 *   <tr><td>command</td><td>3</td><td>{@code index}</td><td>reads the button: {@code SuccessU32(1)} pressed,
 *       {@code SuccessU32(0)} not</td></tr>
 *   <tr><td>command</td><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td colspan="2">a button changed: upcall
 *       {@code (index, pressed ? 1 : 0, 0)}, to every process that enabled that button</td></tr>
 * </table>
 *
 * <p>Commands 1 to 3 answer {@code Failure(INVAL)} for an index not below the button count. Commands 1 and 2
 * answer {@code Failure(INVAL)} for a process that no longer exists and {@code Failure(NOMEM)} when its grant
 * cannot be allocated; command 2 still switches the pin's interrupt off when nobody listens any more. An
 * interrupt no process listens to (its listeners died) switches itself off.
 *
 * <p>Creating the driver makes every pin an input with its board-given pull resistor. Pins interrupt on
 * both edges; a board routes each pin's interrupt to {@link #fired(int)} with the pin's index.
 *
 * <p>Tock counterpart: {@code capsules_core::button::Button}.
 */
public final class Button implements SyscallDriver {

    /** Subscribe number of the button upcall. */
    public static final int UPCALL_NUM = 0;
    public static final UpcallCount UPCALLS = UpcallCount.of(1);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);
    /** {@code App} on a 32-bit MCU: one {@code u32}. */
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, 4, 4);

    /** The subscribe map is 32 bits wide, so a board has at most 32 buttons. */
    public static final int MAX_BUTTONS = Integer.SIZE;

    private final List<ButtonPin> pins;
    private final Grant<App> apps;

    /** Configures every pin as an input with its pull resistor. */
    public Button(List<ButtonPin> pins, Grant<App> grant) {
        if (pins.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("a board has at most " + MAX_BUTTONS
                    + " buttons (the per-process subscribe map is a u32), got " + pins.size());
        }
        this.pins = List.copyOf(pins);
        this.apps = Objects.requireNonNull(grant, "grant");
        for (ButtonPin button : this.pins) {
            button.pin().makeInput();
            button.pin().setFloatingState(button.floating());
        }
    }

    @Override
    public CommandReturn command(int commandNum, int data, int unused, ProcessId processId) {
        return switch (commandNum) {
            // TRD104 wants Success for command 0; Tock keeps SuccessU32 until its next major release.
            case 0 -> CommandReturn.successU32(pins.size());
            case 1 -> {
                if (!isButton(data)) {
                    yield CommandReturn.failure(ErrorCode.INVAL);
                }
                yield fromEnter(apps.enter(processId, (app, kernelData) -> {
                    app.subscribeMap |= 1 << data;
                    pins.get(data).pin().enableInterrupts(InterruptEdge.EitherEdge);
                    return (Void) null;
                }));
            }
            case 2 -> {
                if (!isButton(data)) {
                    yield CommandReturn.failure(ErrorCode.INVAL);
                }
                CommandReturn result = fromEnter(apps.enter(processId, (app, kernelData) -> {
                    app.subscribeMap &= ~(1 << data);
                    return (Void) null;
                }));
                if (listeners(data) == 0) {
                    pins.get(data).pin().disableInterrupts();
                }
                yield result;
            }
            case 3 -> isButton(data)
                    ? CommandReturn.successU32(pressed(data) ? 1 : 0)
                    : CommandReturn.failure(ErrorCode.INVAL);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (app, kernelData) -> (Void) null);
    }

    /**
     * Button {@code index}'s pin interrupted: tells every process listening to it whether the button is now
     * pressed, or switches the interrupt off if none listens. Tock counterpart: {@code ClientWithValue::fired}.
     */
    public void fired(int index) {
        int state = pressed(index) ? 1 : 0;
        int[] notified = {0};
        apps.each((processId, app, kernelData) -> {
            if ((app.subscribeMap & (1 << index)) != 0) {
                notified[0]++;
                kernelData.scheduleUpcall(UPCALL_NUM, index, state, 0);
            }
        });
        // A process that listened may have died without disabling: stop the interrupt lazily.
        if (notified[0] == 0) {
            pins.get(index).pin().disableInterrupts();
        }
    }

    private boolean isButton(int index) {
        return Integer.toUnsignedLong(index) < pins.size();
    }

    private boolean pressed(int index) {
        ButtonPin button = pins.get(index);
        return button.pin().readActivation(button.mode()) == ActivationState.Active;
    }

    /** How many live processes listen to button {@code index}. */
    private int listeners(int index) {
        int[] count = {0};
        apps.each((processId, app, kernelData) -> {
            if ((app.subscribeMap & (1 << index)) != 0) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static CommandReturn fromEnter(Result<Void, ProcessError> entered) {
        return entered instanceof Result.Err<Void, ProcessError>(ProcessError error)
                ? CommandReturn.from(error)
                : CommandReturn.success();
    }
}
