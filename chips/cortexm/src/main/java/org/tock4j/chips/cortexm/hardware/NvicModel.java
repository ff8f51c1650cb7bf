package org.tock4j.chips.cortexm.hardware;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * The Nested Vectored Interrupt Controller (ARMv7-M B3.4) with level-sensitive lines, and the core's
 * exception entry for external interrupts and SysTick under PRIMASK.
 *
 * <ul>
 *   <li>A line going high sets its pending bit; clearing the pending bit of a line still high pends it
 *       again (level-sensitive, as nRF52 peripherals are).</li>
 *   <li>A pending and enabled line is taken as an exception at once unless PRIMASK is set; then it is
 *       taken when PRIMASK clears. Taking it runs the {@link ExceptionHandler} with the line active.</li>
 *   <li>Priorities are stored ({@code priorityBits} implemented bits per byte) but never preempt: the
 *       emulated core handles one exception at a time, and Tock's handlers return at once.</li>
 * </ul>
 */
public final class NvicModel {
    public static final int SCS_BASE = 0xE000_E000;
    public static final int ICTR = 0x004;
    public static final int ISER = 0x100;
    public static final int ICER = 0x180;
    public static final int ISPR = 0x200;
    public static final int ICPR = 0x280;
    public static final int IABR = 0x300;
    public static final int IPR = 0x400;

    private final int lines;
    private final int words;
    private final int[] enabled;
    private final int[] pending;
    private final int[] active;
    private final boolean[] level;
    private final ExceptionHandler handler;
    private final RegisterBank nvicBank;
    private final RegisterBank ictrBank;
    private boolean primask;
    private boolean sysTickPending;

    public NvicModel(int lines, int priorityBits, ExceptionHandler handler) {
        if (lines < 1 || lines > 496) {
            throw new IllegalArgumentException("an NVIC has 1..496 interrupt lines: " + lines);
        }
        this.lines = lines;
        this.words = (lines + 31) / 32;
        this.enabled = new int[words];
        this.pending = new int[words];
        this.active = new int[words];
        this.level = new boolean[lines];
        this.handler = Objects.requireNonNull(handler, "handler");

        int iprWords = (lines + 3) / 4;
        int priorityMask = 0xFF & (0xFF << (8 - priorityBits));
        int iprWritable = priorityMask * 0x0101_0101;
        ictrBank = new RegisterBank("SCnSCB", SCS_BASE, 0, 0x10);
        ictrBank.constant("ICTR", ICTR, words - 1);
        ictrBank.unmodelled("ACTLR", 0x008, 0);
        nvicBank = new RegisterBank("NVIC", SCS_BASE, ISER, IPR + 4 * iprWords - ISER);
        for (int n = 0; n < words; n++) {
            int w = n;
            nvicBank.custom("ISER" + n, ISER + 4 * n, 0, () -> enabled[w], v -> setEnabled(w, v));
            nvicBank.custom("ICER" + n, ICER + 4 * n, 0, () -> enabled[w], v -> clearEnabled(w, v));
            nvicBank.custom("ISPR" + n, ISPR + 4 * n, 0, () -> pending[w], v -> setPending(w, v));
            nvicBank.custom("ICPR" + n, ICPR + 4 * n, 0, () -> pending[w], v -> clearPending(w, v));
            nvicBank.readOnly("IABR" + n, IABR + 4 * n, () -> active[w]);
        }
        for (int n = 0; n < iprWords; n++) {
            nvicBank.storage("IPR" + n, IPR + 4 * n, 0, iprWritable, null);
        }
    }

    /** Maps the NVIC and ICTR registers at their architectural addresses. */
    public void mapOnto(MemoryBus bus) {
        bus.mapDevice(ictrBank);
        bus.mapDevice(nvicBank);
    }

    public int lines() {
        return lines;
    }

    /** The request line of external interrupt {@code irq}. */
    public InterruptLine line(int irq) {
        Objects.checkIndex(irq, lines);
        return asserted -> setLevel(irq, asserted);
    }

    public boolean isPending(int irq) {
        return bit(pending, irq);
    }

    public boolean isEnabled(int irq) {
        return bit(enabled, irq);
    }

    public boolean isActive(int irq) {
        return bit(active, irq);
    }

    public boolean level(int irq) {
        return level[irq];
    }

    public boolean primask() {
        return primask;
    }

    /** PRIMASK: while set no exception is taken; clearing it takes every exception that waited. */
    public void setPrimask(boolean masked) {
        primask = masked;
        if (!masked) {
            if (sysTickPending) {
                takeSysTick();
            }
            for (int irq = 0; irq < lines; irq++) {
                takeIfDue(irq);
            }
        }
    }

    /** The SysTick timer counted to zero with TICKINT set. */
    public void pendSysTick() {
        sysTickPending = true;
        if (!primask) {
            takeSysTick();
        }
    }

    /** Back to the reset state: every line disabled, nothing pending, priorities 0. */
    public void reset() {
        Arrays.fill(enabled, 0);
        Arrays.fill(pending, 0);
        Arrays.fill(active, 0);
        nvicBank.reset();
        sysTickPending = false;
        for (int irq = 0; irq < lines; irq++) {
            if (level[irq]) {
                pend(irq);
            }
        }
    }

    private void setLevel(int irq, boolean asserted) {
        boolean was = level[irq];
        level[irq] = asserted;
        if (asserted && !was) {
            pend(irq);
        }
    }

    private void pend(int irq) {
        pending[irq >> 5] |= 1 << (irq & 31);
        takeIfDue(irq);
    }

    private void takeIfDue(int irq) {
        if (!primask && bit(pending, irq) && bit(enabled, irq) && !bit(active, irq)) {
            // Exception entry: the handler runs with the line active; pending stays as the handler leaves it.
            active[irq >> 5] |= 1 << (irq & 31);
            try {
                handler.exceptionTaken(ExceptionHandler.FIRST_EXTERNAL + irq);
            } finally {
                active[irq >> 5] &= ~(1 << (irq & 31));
            }
        }
    }

    private void takeSysTick() {
        sysTickPending = false;
        handler.exceptionTaken(ExceptionHandler.SYSTICK);
    }

    private void setEnabled(int word, int bits) {
        enabled[word] |= bits & validMask(word);
        forEachBit(word, bits, this::takeIfDue);
    }

    private void clearEnabled(int word, int bits) {
        enabled[word] &= ~bits;
    }

    private void setPending(int word, int bits) {
        pending[word] |= bits & validMask(word);
        forEachBit(word, bits, this::takeIfDue);
    }

    private void clearPending(int word, int bits) {
        pending[word] &= ~bits;
        // A level-sensitive line still asserted pends again at once.
        forEachBit(word, bits, irq -> {
            if (level[irq]) {
                pend(irq);
            }
        });
    }

    private void forEachBit(int word, int bits, IntConsumer action) {
        int b = bits & validMask(word);
        while (b != 0) {
            int bit = Integer.numberOfTrailingZeros(b);
            b &= b - 1;
            action.accept(word * 32 + bit);
        }
    }

    private int validMask(int word) {
        int linesInWord = Math.min(32, lines - word * 32);
        return linesInWord == 32 ? -1 : (1 << linesInWord) - 1;
    }

    private static boolean bit(int[] words, int irq) {
        return (words[irq >> 5] & (1 << (irq & 31))) != 0;
    }

    /** Distinct misuse warnings of the NVIC registers. */
    public List<String> warnings() {
        return nvicBank.warnings();
    }
}
