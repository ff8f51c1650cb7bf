package org.tock4j.capsules.core.alarm;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The alarm system call driver (driver number {@code 0x0}): one alarm per process, all on one (virtual)
 * alarm armed for the earliest.
 *
 * <p>Times cross the syscall boundary left-justified: a counter narrower than 32 bits is shifted left so it
 * wraps exactly at 2<sup>32</sup>, and the frequency is scaled by the same factor. A wider counter shows its
 * low 32 bits.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>arguments</th><th>returns</th></tr>
 *   <tr><td>command</td><td>0</td><td>-</td><td>{@code Success}: the driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>-</td><td>{@code SuccessU32(frequency << padding)} in Hz</td></tr>
 *   <tr><td>command</td><td>2</td><td>-</td><td>{@code SuccessU32(now)}, left-justified</td></tr>
 *   <tr><td>command</td><td>3</td><td>-</td><td>stops this process's alarm: {@code Success};
 *       {@code Failure(ALREADY)} if none was set</td></tr>
 *   <tr><td>command</td><td>4</td><td>-</td><td>{@code Failure(NOSUPPORT)} (deprecated)</td></tr>
 *   <tr><td>command</td><td>5</td><td>{@code dt}</td><td>fires {@code dt} after now:
 *       {@code SuccessU32(expiry)}, left-justified</td></tr>
 *   <tr><td>command</td><td>6</td><td>{@code reference, dt}</td><td>fires {@code dt} after
 *       {@code reference}: {@code SuccessU32(expiry)}, left-justified</td></tr>
 *   <tr><td>command</td><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td colspan="2">alarm fired: upcall
 *       {@code (now, expiry, 0)}, both left-justified</td></tr>
 * </table>
 *
 * <p>Userspace values finer than the counter's resolution are rounded so the alarm never fires early
 * ({@code reference} down, the expiry up). A command on a process that no longer exists answers
 * {@code Failure(INVAL)}; one whose grant cannot be allocated, {@code Failure(NOMEM)}.
 *
 * <p>Tock counterpart: {@code capsules_core::alarm::AlarmDriver}.
 */
public final class AlarmDriver implements SyscallDriver, AlarmClient {

    /** Subscribe number of the alarm upcall. */
    public static final int ALARM_CALLBACK_NUM = 0;
    public static final UpcallCount UPCALLS = UpcallCount.of(1);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);

    private final Alarm alarm;
    private final Grant<AlarmData> appAlarms;

    public AlarmDriver(Alarm alarm, Grant<AlarmData> grant) {
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.appAlarms = Objects.requireNonNull(grant, "grant");
    }

    /**
     * The grant's data type for a counter {@code tickWidth} bits wide, sized as
     * {@code Option<Expiration<Ticks>>} is on a 32-bit MCU: two tick values and a tag.
     */
    public static GrantType<AlarmData> grantType(int tickWidth) {
        if (tickWidth <= 16) {
            return GrantType.of(AlarmData::new, 6, 2);
        }
        if (tickWidth <= 32) {
            return GrantType.of(AlarmData::new, 12, 4);
        }
        return GrantType.of(AlarmData::new, 24, 8);
    }

    @Override
    public CommandReturn command(int commandNum, int data, int data2, ProcessId processId) {
        Result<Outcome, ProcessError> entered = appAlarms.enter(processId, (td, upcalls) -> {
            Ticks now = alarm.now();
            return switch (commandNum) {
                case 0 -> Outcome.keep(CommandReturn.success());
                case 1 -> Outcome.keep(CommandReturn.successU32(alarm.frequency() << now.u32Padding()));
                case 2 -> Outcome.keep(CommandReturn.successU32(now.intoU32LeftJustified()));
                case 3 -> {
                    if (td.expiration().isEmpty()) {
                        yield Outcome.keep(CommandReturn.failure(ErrorCode.ALREADY));
                    }
                    td.clear();
                    yield Outcome.thenRearm(CommandReturn.success());
                }
                case 5 -> Outcome.thenRearm(arm(td, rearmU32LeftJustifiedExpiration(now, OptionalInt.empty(), data)));
                case 6 -> Outcome.thenRearm(arm(td, rearmU32LeftJustifiedExpiration(now, OptionalInt.of(data), data2)));
                default -> Outcome.keep(CommandReturn.failure(ErrorCode.NOSUPPORT));
            };
        });
        return switch (entered) {
            case Result.Err<Outcome, ProcessError>(ProcessError error) -> CommandReturn.from(error);
            case Result.Ok<Outcome, ProcessError>(Outcome outcome) -> {
                // Re-arming enters every grant, so it happens after this one has been left.
                if (outcome.rearm()) {
                    processRearmOrCallback();
                }
                yield outcome.value();
            }
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return appAlarms.enter(processId, (td, upcalls) -> (Void) null);
    }

    /** The (virtual) alarm fired: deliver the expired alarms' upcalls and re-arm. */
    @Override
    public void alarm() {
        processRearmOrCallback();
    }

    private static CommandReturn arm(AlarmData td, Expiration expiration) {
        td.expiration(expiration);
        return CommandReturn.successU32(expiration.end().intoU32LeftJustified());
    }

    /**
     * Fires the upcall of every expired process alarm (clearing it), then arms the alarm for the earliest
     * remaining one, or disarms it when none remains. Runs when the alarm fires and whenever the set of
     * expirations changed.
     */
    private void processRearmOrCallback() {
        Ticks now = alarm.now();
        BiConsumer<Expiration, ProcessId> expiredHandler = (expired, processId) ->
                appAlarms.enter(processId, (td, upcalls) -> {
                    td.clear();
                    upcalls.scheduleUpcall(ALARM_CALLBACK_NUM, now.intoU32LeftJustified(),
                            expired.end().intoU32LeftJustified(), 0);
                    return null;
                });
        Optional<Candidate<ProcessId>> earliest = earliestAlarm(now, this::pendingExpirations, expiredHandler);
        if (earliest.isPresent()) {
            Expiration e = earliest.get().expiration();
            alarm.setAlarm(e.reference(), e.dt());
        } else {
            alarm.disarm();
        }
    }

    /** Lazily, each process's pending expiration; a grant is entered only as the iteration reaches it. */
    private Iterator<Candidate<ProcessId>> pendingExpirations() {
        Iterator<ProcessGrant<AlarmData>> grants = appAlarms.iter().iterator();
        return new Iterator<>() {
            private Candidate<ProcessId> next;

            @Override
            public boolean hasNext() {
                while (next == null && grants.hasNext()) {
                    ProcessGrant<AlarmData> app = grants.next();
                    ProcessId processId = app.processid();
                    next = app.enter((td, upcalls) -> td.expiration())
                            .map(exp -> new Candidate<>(exp, processId))
                            .orElse(null);
                }
                return next != null;
            }

            @Override
            public Candidate<ProcessId> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Candidate<ProcessId> candidate = next;
                next = null;
                return candidate;
            }
        };
    }

    /** An expiration with whatever identifies its owner. */
    record Candidate<U>(Expiration expiration, U owner) {}

    /**
     * The expiration closest to {@code now}, calling {@code expiredHandler} for every one that has expired.
     * As in Tock, an expired expiration is still compared: one that expired exactly at {@code now} is 0 ticks
     * away and wins, which makes the alarm fire again at once and this run again.
     */
    static <U> Optional<Candidate<U>> earliestAlarm(
            Ticks now, Iterable<Candidate<U>> expirations, BiConsumer<Expiration, U> expiredHandler) {
        Candidate<U> earliest = null;
        for (Candidate<U> candidate : expirations) {
            Expiration exp = candidate.expiration();
            if (exp.expiredAt(now)) {
                expiredHandler.accept(exp, candidate.owner());
            }
            if (earliest == null
                    || exp.end().wrappingSub(now).compareTo(earliest.expiration().end().wrappingSub(now)) < 0) {
                earliest = candidate;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * The expiration for a left-justified {@code dt} from userspace, relative to the left-justified
     * {@code reference} if given or to {@code now} otherwise. Precision the counter cannot represent is
     * rounded so the alarm cannot fire early; on a counter wider than 32 bits the 32-bit reference is
     * rebased onto the full-width {@code now}.
     */
    static Expiration rearmU32LeftJustifiedExpiration(Ticks now, OptionalInt referenceU32, int dtU32) {
        int padding = now.u32Padding();
        long lowBits = (1L << padding) - 1;
        long dt = Integer.toUnsignedLong(dtU32);

        long dtUnshifted;
        if (referenceU32.isPresent()) {
            // Round the expiry up, not dt: rounding reference down and dt up separately can still fall short.
            long reference = Integer.toUnsignedLong(referenceU32.getAsInt());
            long expirationShifted = (reference + dt) & 0xFFFF_FFFFL;
            long expirationUnshifted = (expirationShifted >>> padding) + ((expirationShifted & lowBits) != 0 ? 1 : 0);
            dtUnshifted = (expirationUnshifted - (reference >>> padding)) & 0xFFFF_FFFFL;
        } else {
            dtUnshifted = (dt >>> padding) + ((dt & lowBits) != 0 ? 1 : 0);
        }

        if (referenceU32.isEmpty()) {
            return new Expiration(now, now.withValue(dtUnshifted));
        }
        long referenceUnshifted = Integer.toUnsignedLong(referenceU32.getAsInt()) >>> padding;
        if (now.width() <= 32) {
            return new Expiration(now.withValue(referenceUnshifted), now.withValue(dtUnshifted));
        }
        // Wider than 32 bits: keep now's upper bits, minus one if its low 32 bits already wrapped past the
        // userspace reference.
        Ticks upper = now;
        if (Integer.compareUnsigned(now.intoU32(), (int) referenceUnshifted) < 0) {
            upper = now.wrappingSub(now.withValue(1L << 32));
        }
        Ticks clearedLow = upper.wrappingSub(now.withValue(Integer.toUnsignedLong(upper.intoU32())));
        return new Expiration(clearedLow.wrappingAdd(now.withValue(referenceUnshifted)), now.withValue(dtUnshifted));
    }

    /** A command's answer and whether the alarm must be re-armed once the grant is left. */
    private record Outcome(CommandReturn value, boolean rearm) {
        static Outcome keep(CommandReturn value) {
            return new Outcome(value, false);
        }

        static Outcome thenRearm(CommandReturn value) {
            return new Outcome(value, true);
        }
    }
}
