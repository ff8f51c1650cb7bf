package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.AstModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The alarm on the SAM4L AST: a 32-bit counter clocked from CLK_32 through the prescaler, alarm 0 for the
 * alarm, as Tock's driver does it.
 *
 * <pre>{@code
 * Ast ast = chip.ast();
 * ast.configure(muxAlarm);                       // as the board does at boot: clock, prescaler 0, client
 * ast.setAlarm(ast.now(), ast.ticksFromMs(250));
 * }</pre>
 *
 * <p>{@link #configure} selects CLK_32 (32768 Hz when the board sourced it from RC32K) with prescaler 0,
 * which divides by 2: the counter counts 16384 times a second. Like Tock, the driver reports 16000 Hz
 * ({@code Freq16KHz}), so durations converted with {@link #ticksFromMs} run 2.4 % short, exactly as on an
 * imix or Hail.
 *
 * <p>{@link #setAlarm} follows Tock's rule: an alarm whose time has passed, or that is at most
 * {@value #ALARM0_SYNC_TICS} ticks away, fires {@value #ALARM0_SYNC_TICS} ticks from now (AR0 needs time to
 * reach the AST's clock domain).
 *
 * <p>Two deliberate differences from Tock's driver: {@link #isArmed} reads IMR.ALARM0 (Tock reads
 * SR.ALARM0, which is set only once the alarm has fired, so Tock answers false while an alarm is pending),
 * and the interrupt handler disables the alarm interrupt before calling the client (Tock leaves it enabled,
 * so a fired alarm would fire again when the counter wraps, 3 days later).
 *
 * <p>Tock counterpart: {@code sam4l::ast::Ast} (its {@code Controller}, {@code Time}, {@code Counter} and
 * {@code Alarm} implementations).
 */
public final class Ast implements Alarm {
    /** Ticks AR0 needs to synchronise before the counter may reach it (Tock's {@code ALARM0_SYNC_TICS}). */
    public static final int ALARM0_SYNC_TICS = 8;
    /** The frequency Tock declares for the AST ({@code Freq16KHz}). */
    public static final int FREQUENCY = 16_000;
    private static final int WIDTH = 32;

    private final MmioRegisters regs;
    private final PowerManager pm;
    private final BusyWait spin;
    private AlarmClient callback;

    Ast(PhysicalMemory bus, PowerManager pm, BusyWait spin) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.pm = Objects.requireNonNull(pm, "pm");
        this.spin = Objects.requireNonNull(spin, "spin");
    }

    /** Clock sources of CLOCK.CSSEL. Tock counterpart: {@code ast::Clock}. */
    enum ClockSource {
        ClockRCSys, ClockOsc32, ClockAPB, ClockGclk2, Clock1K
    }

    /** Sets the AST up as Tock boards do: its clock, CLK_32 as source, prescaler 0, alarm wake-up, {@code client}. */
    public void configure(AlarmClient client) {
        this.callback = Objects.requireNonNull(client, "client");
        pm.enableClock(Clock.Pbd.AST);
        selectClock(ClockSource.ClockOsc32);
        disable();
        disableAlarmIrq();
        setPrescalar(0); // 32 kHz / 2^(0 + 1) = 16 kHz
        enableAlarmWake();
        clearAlarm();
    }

    private boolean clockBusy() {
        return regs.isSet(SR, CLKBUSY);
    }

    private boolean busy() {
        return regs.isSet(SR, BUSY);
    }

    private void waitNotBusy() {
        spin.until(() -> !busy(), "AST SR.BUSY to clear");
    }

    private void waitClockNotBusy() {
        spin.until(() -> !clockBusy(), "AST SR.CLKBUSY to clear");
    }

    /** Clears SR.ALARM0 (the alarm value was reached). */
    private void clearAlarm() {
        waitNotBusy();
        regs.write(SCR, ALARM0);
        waitNotBusy();
    }

    private void selectClock(ClockSource clock) {
        waitClockNotBusy();
        regs.modify(CLOCK, CLOCK_CEN, 0);
        waitClockNotBusy();
        regs.write(CLOCK, clock.ordinal() << CLOCK_CSSEL_SHIFT);
        waitClockNotBusy();
        regs.modify(CLOCK, CLOCK_CEN, CLOCK_CEN);
        waitClockNotBusy();
    }

    private void enable() {
        waitNotBusy();
        regs.modify(CR, CR_EN, CR_EN);
        waitNotBusy();
    }

    private void disable() {
        waitNotBusy();
        regs.modify(CR, CR_EN, 0);
        waitNotBusy();
    }

    private boolean isEnabled() {
        waitNotBusy();
        return regs.isSet(CR, CR_EN);
    }

    private void setPrescalar(int value) {
        waitNotBusy();
        regs.modify(CR, CR_PSEL_MASK, value << CR_PSEL_SHIFT);
        waitNotBusy();
    }

    private void enableAlarmIrq() {
        regs.write(IER, ALARM0);
    }

    private void disableAlarmIrq() {
        regs.write(IDR, ALARM0);
    }

    private void enableAlarmWake() {
        waitNotBusy();
        regs.modify(WER, ALARM0, ALARM0);
        waitNotBusy();
    }

    private int getCounter() {
        waitNotBusy();
        return regs.read(CV);
    }

    private void setCounter(int value) {
        waitNotBusy();
        regs.write(CV, value);
    }

    /** The ASTALARM interrupt: clears the alarm, disables it (see the class comment) and calls the client. */
    public void handleInterrupt() {
        clearAlarm();
        disableAlarmIrq();
        if (callback != null) {
            callback.alarm();
        }
    }

    // ---- Time ----

    @Override
    public int frequency() {
        return FREQUENCY;
    }

    @Override
    public Ticks now() {
        return Ticks.of(Integer.toUnsignedLong(getCounter()), WIDTH);
    }

    // ---- Counter ----

    /** Starts counting (CR.EN). */
    public Result<Void, ErrorCode> start() {
        enable();
        return Result.ok();
    }

    public Result<Void, ErrorCode> stop() {
        disable();
        return Result.ok();
    }

    /** Sets the counter to 0. */
    public Result<Void, ErrorCode> reset() {
        setCounter(0);
        return Result.ok();
    }

    public boolean isRunning() {
        return isEnabled();
    }

    // ---- Alarm ----

    @Override
    public void setAlarmClient(AlarmClient client) {
        this.callback = Objects.requireNonNull(client, "client");
    }

    @Override
    public void setAlarm(Ticks reference, Ticks dt) {
        Ticks now = now();
        Ticks ref = Ticks.of(reference.value(), WIDTH);
        Ticks expire = ref.wrappingAdd(Ticks.of(dt.value(), WIDTH));
        if (!now.withinRange(ref, expire)) {
            // Already passed: fire as soon as possible.
            expire = now;
        }
        if (Integer.toUnsignedLong(expire.wrappingSub(now).intoU32()) <= ALARM0_SYNC_TICS) {
            expire = now.wrappingAdd(Ticks.of(ALARM0_SYNC_TICS, WIDTH));
        }
        clearAlarm();
        waitNotBusy();
        regs.write(AR0, expire.intoU32());
        waitNotBusy();
        enableAlarmIrq();
        enable();
    }

    @Override
    public Ticks getAlarm() {
        waitNotBusy();
        return Ticks.of(Integer.toUnsignedLong(regs.read(AR0)), WIDTH);
    }

    @Override
    public Result<Void, ErrorCode> disarm() {
        disableAlarmIrq();
        clearAlarm();
        return Result.ok();
    }

    /** Whether the alarm interrupt is enabled (IMR.ALARM0); see the class comment. */
    @Override
    public boolean isArmed() {
        return regs.isSet(IMR, ALARM0);
    }

    @Override
    public Ticks minimumDt() {
        return Ticks.of(ALARM0_SYNC_TICS, WIDTH);
    }
}
