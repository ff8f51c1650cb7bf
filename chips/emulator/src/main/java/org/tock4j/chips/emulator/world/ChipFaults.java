package org.tock4j.chips.emulator.world;

import java.util.List;

/**
 * Faults the outside world can inject into an emulated chip: an interrupt request that never reaches the
 * interrupt controller, a flash page write that fails. Each chip provides its own, naming its peripherals as
 * its datasheet does ({@code RTC1}, {@code UARTE0}, {@code GPIOTE} on the nRF52840; {@code AST}, {@code USART3}
 * on the SAM4L). UART line errors are the UART link's ({@link UartLink#feedFramingError()}); an I2C NACK is the
 * device's ({@link I2cDevice#start(boolean)} returning {@code false}).
 *
 * <pre>{@code
 * ChipFaults faults = chip.faults();
 * faults.dropNextInterrupt("RTC1");     // the next alarm interrupt is lost
 * faults.failNextFlashWrite();          // the next flash page write does not program
 * faults.interruptNames();              // [POWER_CLOCK, UARTE0, ..., RTC1, ...]
 * }</pre>
 *
 * <p>Call on the board's thread (between runs of a test). Tock counterpart: none; Renode injects faults from
 * its monitor in the same spirit.
 */
public interface ChipFaults {

    /** The peripheral names {@link #dropNextInterrupt} knows, in the chip's interrupt number order. */
    List<String> interruptNames();

    /**
     * The next assertion of {@code peripheral}'s interrupt request line never reaches the interrupt controller:
     * the line's rising edge is lost, and the request stays lost until the peripheral lowers the line again
     * (as a lost level-sensitive request would). What follows is whatever the peripheral's driver does when
     * its interrupt never comes.
     *
     * @throws IllegalArgumentException for a name the chip does not know; the message lists the known ones
     */
    void dropNextInterrupt(String peripheral);

    /**
     * How many assertions of {@code peripheral}'s interrupt line were lost so far (0 while an armed drop waits
     * for the next assertion).
     *
     * @throws IllegalArgumentException for a name the chip does not know; the message lists the known ones
     */
    int droppedInterrupts(String peripheral);

    /**
     * The next flash page write fails as this chip's flash fails (see the chip's documentation for what its
     * controller and driver then report).
     */
    void failNextFlashWrite();

    /** A world whose chip offers no fault injection: every hook fails, saying so. */
    ChipFaults NONE = new ChipFaults() {
        @Override
        public List<String> interruptNames() {
            return List.of();
        }

        @Override
        public void dropNextInterrupt(String peripheral) {
            throw new UnsupportedOperationException("this board's chip offers no fault injection: cannot drop the "
                    + "interrupt of '" + peripheral + "'");
        }

        @Override
        public int droppedInterrupts(String peripheral) {
            throw new UnsupportedOperationException("this board's chip offers no fault injection: no interrupt "
                    + "named '" + peripheral + "'");
        }

        @Override
        public void failNextFlashWrite() {
            throw new UnsupportedOperationException(
                    "this board's chip offers no fault injection: cannot fail a flash write");
        }

        @Override
        public String toString() {
            return "ChipFaults.NONE";
        }
    };
}
