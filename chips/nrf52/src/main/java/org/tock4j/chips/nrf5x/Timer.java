package org.tock4j.chips.nrf5x;

import static org.tock4j.chips.nrf52.hardware.TimerModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * A TIMER used directly: its compare events go to a {@link CompareClient}.
 *
 * <pre>{@code
 * Timer timer = chip.timer2();
 * timer.setClient(fired -> ...);           // bit n: COMPARE[n]
 * timer.setPrescaler(4);                   // 1 MHz
 * timer.setBitmode(Timer.Bitmode.Size32Bits);
 * timer.setCc(0, 1_000);                   // 1 ms
 * timer.enableCompareInterrupt(0);
 * timer.start();
 * }</pre>
 *
 * <p>Tock counterpart: {@code nrf5x::timer::Timer}, whose only operations are {@code set_client} and the
 * interrupt handler; the configuration methods here ({@link #start()}, {@link #setCc}, …) are additions that
 * write the registers Tock's {@code TimerAlarm} writes. The handler clears each COMPARE event that fired and
 * disables its interrupt, as Tock's does for COMPARE[0..3]; on TIMER3 and TIMER4 it covers COMPARE[4] and
 * COMPARE[5] too (Tock instantiates TIMER0–2 only), and it clears them even without a client (Tock's leaves
 * them set, so the interrupt would fire again at once).
 */
public final class Timer {

    /** Counter widths. Tock counterpart: {@code BitmodeValue}. */
    public enum Bitmode {
        Size16Bits(BITMODE_16),
        Size8Bits(BITMODE_08),
        Size24Bits(BITMODE_24),
        Size32Bits(BITMODE_32);

        private final int register;

        Bitmode(int register) {
            this.register = register;
        }
    }

    private final MmioRegisters regs;
    private final int ccCount;
    private CompareClient client;

    /** The TIMER at {@code base} with four CC registers (TIMER0–2; TIMER2: 0x4000A000). */
    public Timer(PhysicalMemory bus, int base) {
        this(bus, base, 4);
    }

    /** The TIMER at {@code base} with {@code ccCount} CC registers (6 for TIMER3 and TIMER4). */
    public Timer(PhysicalMemory bus, int base, int ccCount) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
        if (ccCount < 1 || ccCount > 6) {
            throw new IllegalArgumentException("a TIMER has 1..6 CC registers, not " + ccCount);
        }
        this.ccCount = ccCount;
    }

    public void setClient(CompareClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The TIMER interrupt: clears each COMPARE event that fired, disables its interrupt, tells the client. */
    public void handleInterrupt() {
        int fired = 0;
        for (int i = 0; i < ccCount; i++) {
            if (regs.read(EVENTS_COMPARE + 4 * i) != 0) {
                fired |= 1 << i;
                regs.write(EVENTS_COMPARE + 4 * i, 0);
                regs.write(INTENCLR, INT_COMPARE0 << i);
            }
        }
        if (client != null) {
            client.compare(fired);
        }
    }

    public void start() {
        regs.write(TASKS_START, 1);
    }

    public void stop() {
        regs.write(TASKS_STOP, 1);
    }

    public void clear() {
        regs.write(TASKS_CLEAR, 1);
    }

    /** f<sub>TIMER</sub> = 16 MHz / 2<sup>prescaler</sup>; takes effect only while stopped. */
    public void setPrescaler(int prescaler) {
        regs.write(PRESCALER, prescaler);
    }

    /** Takes effect only while stopped. */
    public void setBitmode(Bitmode bitmode) {
        regs.write(BITMODE, bitmode.register);
    }

    public void setCc(int channel, int value) {
        regs.write(CC + 4 * channel, value);
    }

    public int getCc(int channel) {
        return regs.read(CC + 4 * channel);
    }

    /** CAPTURE[channel]: copies the counter into CC[channel] and returns it. */
    public int capture(int channel) {
        regs.write(TASKS_CAPTURE + 4 * channel, 1);
        return regs.read(CC + 4 * channel);
    }

    /** Sets SHORTS (COMPAREn_CLEAR bit n, COMPAREn_STOP bit 8 + n). */
    public void setShorts(int shorts) {
        regs.write(SHORTS, shorts);
    }

    public void enableCompareInterrupt(int channel) {
        regs.write(INTENSET, INT_COMPARE0 << channel);
    }

    public void disableCompareInterrupt(int channel) {
        regs.write(INTENCLR, INT_COMPARE0 << channel);
    }
}
