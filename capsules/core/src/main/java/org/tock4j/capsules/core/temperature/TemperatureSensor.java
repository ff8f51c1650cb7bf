package org.tock4j.capsules.core.temperature;

import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.sensors.TemperatureClient;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The temperature system call driver (driver number {@code 0x60000}): processes read a temperature sensor.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>meaning and return</th></tr>
 *   <tr><td>command</td><td>0</td><td>{@code Success}: the driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>reads the temperature: {@code Success}, then the upcall; the sensor's
 *       error if it cannot start; {@code Failure(INVAL)} for a process that no longer exists,
 *       {@code Failure(NOMEM)} when its grant cannot be allocated</td></tr>
 *   <tr><td>command</td><td>other</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td>reading done: upcall {@code (temperature, 0, 0)}, in hundredths of a
 *       degree Celsius (two's complement below zero)</td></tr>
 * </table>
 *
 * <p>One reading at a time: a process that asks while one is in progress waits for it, and that single
 * reading goes to every waiting process. A failed reading reaches nobody; the processes keep waiting for the
 * next successful one.
 *
 * <p>Tock counterpart: {@code capsules_extra::temperature::TemperatureSensor}.
 */
public final class TemperatureSensor implements SyscallDriver, TemperatureClient {

    /** Subscribe number of the reading upcall. */
    public static final int UPCALL_NUM = 0;
    public static final UpcallCount UPCALLS = UpcallCount.of(1);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);
    /** {@code App} on a 32-bit MCU: one {@code bool}. */
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, 1, 1);

    private final TemperatureDriver driver;
    private final Grant<App> apps;
    private boolean busy;

    public TemperatureSensor(TemperatureDriver driver, Grant<App> grant) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.apps = Objects.requireNonNull(grant, "grant");
    }

    @Override
    public CommandReturn command(int commandNum, int unused1, int unused2, ProcessId processId) {
        return switch (commandNum) {
            case 0 -> CommandReturn.success();
            case 1 -> enqueueCommand(processId);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (app, kernelData) -> (Void) null);
    }

    /** The reading is done: every waiting process gets it. */
    @Override
    public void callback(Result<Integer, ErrorCode> value) {
        busy = false;
        if (value instanceof Result.Ok<Integer, ErrorCode>(Integer temperature)) {
            for (ProcessGrant<App> cntr : apps.iter()) {
                cntr.enter((app, kernelData) -> {
                    if (app.subscribed) {
                        app.subscribed = false;
                        kernelData.scheduleUpcall(UPCALL_NUM, temperature, 0, 0);
                    }
                    return null;
                });
            }
        }
    }

    private CommandReturn enqueueCommand(ProcessId processId) {
        Result<CommandReturn, ProcessError> entered = apps.enter(processId, (app, kernelData) -> {
            // Waiting from now on, whoever started the reading.
            app.subscribed = true;
            if (busy) {
                return CommandReturn.success();
            }
            busy = true;
            Result<Void, ErrorCode> started = driver.readTemperature();
            if (started.isErr()) {
                // No callback will come: the next request starts a reading again.
                busy = false;
            }
            return CommandReturn.from(started);
        });
        return switch (entered) {
            case Result.Err<CommandReturn, ProcessError>(ProcessError error) -> CommandReturn.from(error);
            case Result.Ok<CommandReturn, ProcessError>(CommandReturn value) -> value;
        };
    }
}
