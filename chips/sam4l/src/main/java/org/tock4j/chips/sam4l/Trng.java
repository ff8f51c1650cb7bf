package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.TrngModel.*;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.rng.Client;
import org.tock4j.kernel.hil.rng.Continue;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Random words from the SAM4L TRNG, as Tock's driver does it: {@link #get} switches the TRNG (and its clock)
 * on with the DATRDY interrupt; each interrupt offers the client the words ready now (one per interrupt);
 * when the client says {@code Done}, the TRNG and its clock are switched off.
 *
 * <pre>{@code
 * Trng trng = chip.trng();
 * trng.setClient((words, result) -> { int w = words.next(); return Continue.Done; });
 * trng.get();
 * }</pre>
 *
 * <p>As in Tock, {@link #cancel} is not supported ({@code FAIL}): a client stops by answering {@code Done}.
 * The words come from the chip's seeded generator, so a run repeats with the same seed.
 *
 * <p>Tock counterpart: {@code sam4l::trng::Trng} (an {@code Entropy32}, here the RNG HIL).
 */
public final class Trng implements Rng {
    private final MmioRegisters regs;
    private final PowerManager pm;
    private Client client;

    Trng(PhysicalMemory bus, PowerManager pm) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.pm = Objects.requireNonNull(pm, "pm");
    }

    /** The TRNG interrupt: offers the ready words; switches off on {@code Done}, else waits for more. */
    public void handleInterrupt() {
        regs.write(IDR, DATRDY);
        if (client == null) {
            return;
        }
        Continue result = client.randomnessAvailable(new TrngIter(), Result.ok());
        if (result == Continue.Done) {
            regs.write(CR, KEY << 8);
            pm.disableClock(Clock.Pba.TRNG);
        } else {
            regs.write(IER, DATRDY);
        }
    }

    /** The words ready now: each {@code next} reads ODATA while ISR.DATRDY is set. */
    private final class TrngIter implements Iterator<Integer> {
        @Override
        public boolean hasNext() {
            return regs.isSet(ISR, DATRDY);
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no random word is ready");
            }
            return regs.read(ODATA);
        }
    }

    @Override
    public Result<Void, ErrorCode> get() {
        pm.enableClock(Clock.Pba.TRNG);
        regs.write(CR, KEY << 8 | CR_ENABLE);
        regs.write(IER, DATRDY);
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> cancel() {
        return Result.err(ErrorCode.FAIL);
    }

    @Override
    public void setClient(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }
}
