package org.tock4j.chips.nrf5x;

import static org.tock4j.chips.nrf52.hardware.RtcModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The alarm on an nRF5x RTC (RTC0, RTC1 or RTC2): a 24-bit counter at 32768 Hz, compare channel 0 for the
 * alarm.
 *
 * <pre>{@code
 * Rtc rtc = chip.rtc1();
 * rtc.start();                                   // as the board does at boot
 * rtc.setAlarmClient(() -> ...);                 // called from the RTC1 interrupt handler
 * rtc.setAlarm(rtc.now(), rtc.ticksFromMs(250));
 * }</pre>
 *
 * <p>{@link #setAlarm} follows Tock's rule: an alarm whose time has passed, or that is at most 2 ticks away,
 * fires at {@code now + 2} (the RTC needs a tick or two to synchronise a CC write).
 *
 * <p>Tock counterpart: {@code nrf5x::rtc::Rtc} (its {@code Time}, {@code Counter} and {@code Alarm}
 * implementations), which Tock instantiates for RTC1 only; the same driver serves RTC0 and RTC2 here.
 */
public final class Rtc implements Alarm {
    /** Ticks a CC write needs before it can match. */
    static final int SYNC_TICS = 2;
    private static final int WIDTH = 24;

    private final MmioRegisters regs;
    private AlarmClient alarmClient;
    private Runnable overflowClient;
    private boolean enabled;

    /** The RTC at {@code base} (RTC0: 0x4000B000, RTC1: 0x40011000, RTC2: 0x40024000). */
    public Rtc(PhysicalMemory bus, int base) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
    }

    /** The RTC interrupt: clears OVRFLW and COMPARE[0]; calls the clients. */
    public void handleInterrupt() {
        if (regs.read(EVENTS_OVRFLW) != 0) {
            regs.write(EVENTS_OVRFLW, 0);
            if (overflowClient != null) {
                overflowClient.run();
            }
        }
        if (regs.read(EVENTS_COMPARE) != 0) {
            regs.write(INTENCLR, INT_COMPARE0);
            regs.write(EVENTS_COMPARE, 0);
            if (alarmClient != null) {
                alarmClient.alarm();
            }
        }
    }

    // ---- Time ----

    @Override
    public int frequency() {
        return LFCLK_HZ;
    }

    @Override
    public Ticks now() {
        return Ticks.of(regs.read(COUNTER) & COUNTER_MASK, WIDTH);
    }

    // ---- Counter ----

    /** Told when the counter wraps (Tock's {@code OverflowClient}); enables the OVRFLW interrupt. */
    public void setOverflowClient(Runnable client) {
        this.overflowClient = Objects.requireNonNull(client, "client");
        regs.write(INTENSET, INT_OVRFLW);
    }

    /** Starts counting at 32768 Hz (PRESCALER 0). */
    public Result<Void, ErrorCode> start() {
        regs.write(PRESCALER, 0);
        regs.write(TASKS_START, 1);
        enabled = true;
        return Result.ok();
    }

    public Result<Void, ErrorCode> stop() {
        regs.write(TASKS_STOP, 1);
        enabled = false;
        return Result.ok();
    }

    /** Clears the counter to 0. */
    public Result<Void, ErrorCode> reset() {
        regs.write(TASKS_CLEAR, 1);
        return Result.ok();
    }

    public boolean isRunning() {
        return enabled;
    }

    // ---- Alarm ----

    @Override
    public void setAlarmClient(AlarmClient client) {
        this.alarmClient = Objects.requireNonNull(client, "client");
    }

    @Override
    public void setAlarm(Ticks reference, Ticks dt) {
        Ticks ref = Ticks.of(reference.value(), WIDTH);
        Ticks expire = ref.wrappingAdd(Ticks.of(dt.value(), WIDTH));
        Ticks now = now();
        Ticks earliestPossible = now.wrappingAdd(Ticks.of(SYNC_TICS, WIDTH));
        if (!now.withinRange(ref, expire) || Integer.toUnsignedLong(expire.wrappingSub(now).intoU32()) <= SYNC_TICS) {
            expire = earliestPossible;
        }
        regs.write(CC, expire.intoU32() & COUNTER_MASK);
        regs.write(EVENTS_COMPARE, 0);
        regs.write(INTENSET, INT_COMPARE0);
    }

    @Override
    public Ticks getAlarm() {
        return Ticks.of(regs.read(CC) & COUNTER_MASK, WIDTH);
    }

    @Override
    public Result<Void, ErrorCode> disarm() {
        regs.write(INTENCLR, INT_COMPARE0);
        regs.write(EVENTS_COMPARE, 0);
        return Result.ok();
    }

    /**
     * Whether the compare interrupt is enabled. Tock reads EVTEN.COMPARE0 here, which its driver never sets
     * (so Tock always answers false); this reads INTEN.COMPARE0, which {@link #setAlarm} sets and
     * {@link #disarm} and the interrupt clear.
     */
    @Override
    public boolean isArmed() {
        return regs.isSet(INTENSET, INT_COMPARE0);
    }

    @Override
    public Ticks minimumDt() {
        return Ticks.of(10, WIDTH);
    }
}
