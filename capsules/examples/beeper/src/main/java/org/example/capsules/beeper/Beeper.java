package org.example.capsules.beeper;

import java.util.Objects;
import java.util.Optional;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The beeper system call driver (driver number {@code 0x90010}, in Tock's misc range next to the buzzer's
 * {@code 0x90000}): drives a buzzer's pin high for the time a process asks, then low, and tells the process.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>arguments</th><th>returns</th></tr>
 *   <tr><td>command</td><td>0</td><td>-</td><td>{@code Success}: the driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>{@code duration_ms}</td><td>beeps: the pin goes high now and low
 *       {@code duration_ms} later (on the alarm), then the "done" upcall is scheduled; {@code Success}.
 *       {@code Failure(INVAL)} for a duration of 0 or longer than the alarm's counter spans (511 s on a
 *       24-bit 32768 Hz RTC); {@code Failure(BUSY)} while a beep, of this or any process, sounds;
 *       {@code Failure(NOMEM)} if the process's grant cannot be allocated</td></tr>
 *   <tr><td>command</td><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td colspan="2">beep done: upcall {@code (duration_ms, 0, 0)}</td></tr>
 * </table>
 *
 * <p>No allows. There is one pin, so one beep at a time: a request during a beep is refused, not queued. The
 * grant keeps each process's requested duration; a process that dies mid-beep still has its beep end on time,
 * and no upcall is delivered. Creating the driver makes the pin an output and drives it low.
 *
 * <p>Tock counterpart: none upstream; the shape (one active process, a virtual alarm, an upcall when done) is
 * that of {@code capsules_extra::buzzer_driver::Buzzer}, on a plain GPIO pin instead of PWM.
 */
public final class Beeper implements SyscallDriver, AlarmClient {

    /** The driver number Tock's {@code driver.rs} would list this capsule under (misc range). */
    public static final int DRIVER_NUM = 0x90010;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_BEEP = 1;

    /** Subscribe number of the "beep done" upcall. */
    public static final int UPCALL_DONE = 0;

    public static final UpcallCount UPCALLS = UpcallCount.of(1);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, App.SIZE, App.ALIGN);

    private final Pin pin;
    private final Alarm alarm;
    private final Grant<App> apps;
    /** The process whose beep is sounding (Tock's {@code active_app: OptionalCell<ProcessId>}). */
    private Optional<ProcessId> beeping = Optional.empty();

    public Beeper(Pin pin, Alarm alarm, Grant<App> grant) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.apps = Objects.requireNonNull(grant, "grant");
        pin.makeOutput();
        pin.clear();
    }

    @Override
    public CommandReturn command(int commandNum, int durationMs, int unused, ProcessId processId) {
        return switch (commandNum) {
            case COMMAND_EXISTS -> CommandReturn.success();
            case COMMAND_BEEP -> beep(durationMs, processId);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (app, kernelData) -> (Void) null);
    }

    /** The beep's time is up: the pin goes low and the process that asked is told. */
    @Override
    public void alarm() {
        pin.clear();
        Optional<ProcessId> owner = beeping;
        beeping = Optional.empty();
        // A process that died or restarted meanwhile has no grant to enter: nobody is told.
        owner.ifPresent(processId -> apps.enter(processId, (app, kernelData) ->
                kernelData.scheduleUpcall(UPCALL_DONE, app.durationMs(), 0, 0)));
    }

    private CommandReturn beep(int durationMs, ProcessId processId) {
        Optional<Ticks> dt = duration(durationMs);
        if (dt.isEmpty()) {
            return CommandReturn.failure(ErrorCode.INVAL);
        }
        if (beeping.isPresent()) {
            return CommandReturn.failure(ErrorCode.BUSY);
        }
        Result<Void, ProcessError> entered = apps.enter(processId, (app, kernelData) -> {
            app.durationMs(durationMs);
            return (Void) null;
        });
        if (entered instanceof Result.Err<Void, ProcessError>(ProcessError error)) {
            return CommandReturn.from(error);
        }
        beeping = Optional.of(processId);
        pin.set();
        alarm.setAlarm(alarm.now(), dt.get());
        return CommandReturn.success();
    }

    /** {@code durationMs} (unsigned) in alarm ticks, if it is at least one tick and fits the counter. */
    private Optional<Ticks> duration(int durationMs) {
        long ticks = Integer.toUnsignedLong(durationMs) * alarm.frequency() / 1000;
        Ticks max = alarm.now().maxValue();
        if (ticks == 0 || ticks > max.value()) {
            return Optional.empty();
        }
        return Optional.of(max.withValue(ticks));
    }
}
