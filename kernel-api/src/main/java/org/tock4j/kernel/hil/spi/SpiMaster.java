package org.tock4j.kernel.hil.spi;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * An SPI controller, split-phase, with one chip select at a time.
 *
 * <p>Tock counterpart: {@code hil::spi::SpiMaster}.
 */
public interface SpiMaster {
    Result<Void, ErrorCode> init();

    void setClient(SpiMasterClient client);

    boolean isBusy();

    /**
     * Writes {@code len} bytes of {@code writeBuffer} while reading as many into {@code readBuffer} (may be
     * null: write only).
     */
    Result<Void, RejectedBuffers> readWriteBytes(byte[] writeBuffer, byte[] readBuffer, int len);

    /** Selects the device behind chip select {@code cs} for the next transfers. */
    Result<Void, ErrorCode> specifyChipSelect(int cs);

    /** Sets the clock rate; returns the rate actually used. */
    Result<Integer, ErrorCode> setRate(int rate);

    int getRate();

    Result<Void, ErrorCode> setPolarity(ClockPolarity polarity);

    ClockPolarity getPolarity();

    Result<Void, ErrorCode> setPhase(ClockPhase phase);

    ClockPhase getPhase();

    /** Buffers handed back because the transfer could not start. */
    record RejectedBuffers(ErrorCode error, byte[] writeBuffer, byte[] readBuffer) {}
}
