package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.Nrf52840MemoryMap.*;

import java.util.Objects;
import java.util.function.IntFunction;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.cortexm.InterruptService;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;
import org.tock4j.chips.nrf5x.Rtc;
import org.tock4j.chips.nrf5x.Temp;
import org.tock4j.chips.nrf5x.Timer;
import org.tock4j.chips.nrf5x.TimerAlarm;
import org.tock4j.chips.nrf5x.Trng;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The nRF52 peripherals every nRF52 chip has, at their datasheet addresses, and the interrupts they handle.
 *
 * <p>As in Tock: CLOCK, POWER, RTC1 (the kernel's alarm), TEMP, the RNG, TIMER0 and TIMER1 as alarms, TIMER2
 * as a plain timer, UARTE0 and SPIM0. Beyond Tock's set: RTC0, RTC2, TIMER3 and TIMER4 (plain timers) and
 * TWIM0 (Tock instantiates TWI1), which shares ID 3 and its interrupt with SPIM0: the interrupt goes to
 * whichever of the two is enabled. The NVMC has no interrupt and needs the board's deferred calls: the chip
 * builds it on request ({@link Nrf52840#nvmc}).
 *
 * <p>Tock counterpart: {@code nrf52::chip::Nrf52DefaultPeripherals}.
 */
public final class Nrf52DefaultPeripherals implements InterruptService {
    private final Clock clock;
    private final Power power;
    private final Uarte uarte0;
    private final Rtc rtc0;
    private final Rtc rtc;
    private final Rtc rtc2;
    private final TimerAlarm timer0;
    private final TimerAlarm timer1;
    private final Timer timer2;
    private final Timer timer3;
    private final Timer timer4;
    private final Trng trng;
    private final Temp temp;
    private final Twim twim0;
    private final Spim spim0;

    /**
     * Every nRF52 driver, on {@code bus} (the core's port).
     *
     * @param core spins the CLOCK's busy-waits
     * @param pins the GPIO pin of a pin number (SPIM chip selects)
     */
    public Nrf52DefaultPeripherals(PhysicalMemory bus, CortexM4 core, IntFunction<? extends Pin> pins) {
        Objects.requireNonNull(bus, "bus");
        this.clock = new Clock(bus, CLOCK_BASE, core);
        this.power = new Power(bus, POWER_BASE);
        this.uarte0 = new Uarte(bus, UARTE0_BASE, UARTE0_TX_DMA_BUFFER, UARTE0_RX_DMA_BUFFER);
        this.rtc0 = new Rtc(bus, RTC0_BASE);
        this.rtc = new Rtc(bus, RTC1_BASE);
        this.rtc2 = new Rtc(bus, RTC2_BASE);
        this.timer0 = new TimerAlarm(bus, TIMER0_BASE);
        this.timer1 = new TimerAlarm(bus, TIMER1_BASE);
        this.timer2 = new Timer(bus, TIMER2_BASE);
        this.timer3 = new Timer(bus, TIMER3_BASE, 6);
        this.timer4 = new Timer(bus, TIMER4_BASE, 6);
        this.trng = new Trng(bus, RNG_BASE);
        this.temp = new Temp(bus, TEMP_BASE);
        this.twim0 = new Twim(bus, SPIM0_TWIM0_BASE, TWIM0_TX_DMA_BUFFER, TWIM0_RX_DMA_BUFFER, TWIM0_DMA_BUFFER_SIZE);
        this.spim0 = new Spim(bus, SPIM0_TWIM0_BASE, pins, SPIM0_TX_DMA_BUFFER, SPIM0_RX_DMA_BUFFER,
                SPIM0_DMA_BUFFER_SIZE);
    }

    public Clock clock() {
        return clock;
    }

    /** POWER (Tock's {@code pwr_clk}). */
    public Power power() {
        return power;
    }

    public Uarte uarte0() {
        return uarte0;
    }

    public Rtc rtc0() {
        return rtc0;
    }

    /** RTC1, the kernel's alarm. */
    public Rtc rtc() {
        return rtc;
    }

    public Rtc rtc2() {
        return rtc2;
    }

    public TimerAlarm timer0() {
        return timer0;
    }

    public TimerAlarm timer1() {
        return timer1;
    }

    public Timer timer2() {
        return timer2;
    }

    public Timer timer3() {
        return timer3;
    }

    public Timer timer4() {
        return timer4;
    }

    public Trng trng() {
        return trng;
    }

    public Temp temp() {
        return temp;
    }

    public Twim twim0() {
        return twim0;
    }

    public Spim spim0() {
        return spim0;
    }

    @Override
    public boolean serviceInterrupt(int interrupt) {
        switch (interrupt) {
            case PeripheralInterrupts.POWER_CLOCK -> {
                clock.handleInterrupt();
                power.handleInterrupt();
            }
            case PeripheralInterrupts.RNG -> trng.handleInterrupt();
            case PeripheralInterrupts.RTC0 -> rtc0.handleInterrupt();
            case PeripheralInterrupts.RTC1 -> rtc.handleInterrupt();
            case PeripheralInterrupts.RTC2 -> rtc2.handleInterrupt();
            case PeripheralInterrupts.TEMP -> temp.handleInterrupt();
            case PeripheralInterrupts.TIMER0 -> timer0.handleInterrupt();
            case PeripheralInterrupts.TIMER1 -> timer1.handleInterrupt();
            case PeripheralInterrupts.TIMER2 -> timer2.handleInterrupt();
            case PeripheralInterrupts.TIMER3 -> timer3.handleInterrupt();
            case PeripheralInterrupts.TIMER4 -> timer4.handleInterrupt();
            case PeripheralInterrupts.UART0 -> uarte0.handleInterrupt();
            case PeripheralInterrupts.SPI0_TWI0 -> {
                if (twim0.isEnabled()) {
                    twim0.handleInterrupt();
                } else {
                    spim0.handleInterrupt();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
