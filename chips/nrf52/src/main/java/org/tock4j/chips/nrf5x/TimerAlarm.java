package org.tock4j.chips.nrf5x;

import static org.tock4j.chips.nrf52.hardware.TimerModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The alarm HIL on a TIMER, as Tock builds it: a 32-bit counter, CC[0] for reading it (CAPTURE[0]) and CC[1]
 * for the alarm (COMPARE[1]).
 *
 * <pre>{@code
 * TimerAlarm alarm = chip.timer1();
 * alarm.setAlarmClient(() -> ...);
 * alarm.setAlarm(alarm.now(), alarm.ticksFromUs(500));   // starts the timer
 * }</pre>
 *
 * <p>Tock's quirks are kept: the timer starts with the first {@link #setAlarm}; when the alarm fires, the
 * handler stops and clears it, so {@link #now()} reads 0 until the next {@code setAlarm} (the counter is not
 * free-running, unlike the RTC). An alarm that has passed or is at most 2 ticks away fires at {@code now + 2}.
 *
 * <p>Deviation: Tock declares this alarm's frequency as 16 kHz while leaving PRESCALER at its reset value 4,
 * so its counter runs at 1 MHz; {@link #frequency()} here reports the rate PRESCALER selects (16 MHz /
 * 2<sup>PRESCALER</sup>: 1 MHz by default), so tick conversions are right.
 *
 * <p>Tock counterpart: {@code nrf5x::timer::TimerAlarm}.
 */
public final class TimerAlarm implements Alarm {
    private static final int CC_CAPTURE = 0;
    private static final int CC_COMPARE = 1;
    private static final int SYNC_TICS = 2;
    private static final int WIDTH = 32;

    private final MmioRegisters regs;
    private AlarmClient client;

    /** The TIMER at {@code base} (TIMER0: 0x40008000, TIMER1: 0x40009000). */
    public TimerAlarm(PhysicalMemory bus, int base) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
    }

    private void clearAlarm() {
        regs.write(EVENTS_COMPARE + 4 * CC_COMPARE, 0);
        regs.write(TASKS_STOP, 1);
        regs.write(TASKS_CLEAR, 1);
        disableInterrupts();
    }

    /** The TIMER interrupt: the alarm fired. Stops and clears the timer, then tells the client. */
    public void handleInterrupt() {
        clearAlarm();
        if (client != null) {
            client.alarm();
        }
    }

    private void enableInterrupts() {
        regs.write(INTENSET, INT_COMPARE0 << CC_COMPARE);
    }

    private void disableInterrupts() {
        regs.write(INTENCLR, INT_COMPARE0 << CC_COMPARE);
    }

    private boolean interruptsEnabled() {
        return regs.isSet(INTENSET, INT_COMPARE0 << CC_COMPARE);
    }

    private int value() {
        regs.write(TASKS_CAPTURE + 4 * CC_CAPTURE, 1);
        return regs.read(CC + 4 * CC_CAPTURE);
    }

    // ---- Time ----

    /** 16 MHz / 2<sup>PRESCALER</sup>: 1 MHz with the reset PRESCALER that Tock leaves. */
    @Override
    public int frequency() {
        return (int) (BASE_CLOCK_HZ >> (regs.read(PRESCALER) & 0xF));
    }

    @Override
    public Ticks now() {
        return Ticks.of(Integer.toUnsignedLong(value()), WIDTH);
    }

    // ---- Alarm ----

    @Override
    public void setAlarmClient(AlarmClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void setAlarm(Ticks reference, Ticks dt) {
        disableInterrupts();
        Ticks ref = Ticks.of(reference.value(), WIDTH);
        Ticks expire = ref.wrappingAdd(Ticks.of(dt.value(), WIDTH));
        Ticks now = now();
        Ticks earliestPossible = now.wrappingAdd(Ticks.of(SYNC_TICS, WIDTH));
        if (!now.withinRange(ref, expire) || Integer.toUnsignedLong(expire.wrappingSub(now).intoU32()) <= SYNC_TICS) {
            expire = earliestPossible;
        }
        regs.write(BITMODE, BITMODE_32);
        regs.write(CC + 4 * CC_COMPARE, expire.intoU32());
        regs.write(TASKS_START, 1);
        enableInterrupts();
    }

    @Override
    public Ticks getAlarm() {
        return Ticks.of(Integer.toUnsignedLong(regs.read(CC + 4 * CC_COMPARE)), WIDTH);
    }

    @Override
    public Result<Void, ErrorCode> disarm() {
        disableInterrupts();
        return Result.ok();
    }

    @Override
    public boolean isArmed() {
        return interruptsEnabled();
    }

    @Override
    public Ticks minimumDt() {
        return Ticks.of(10, WIDTH);
    }
}
