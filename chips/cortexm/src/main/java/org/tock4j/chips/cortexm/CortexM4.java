package org.tock4j.chips.cortexm;

import java.util.Objects;
import java.util.function.Supplier;

import org.tock4j.chips.cortexm.hardware.ExceptionHandler;
import org.tock4j.chips.cortexm.hardware.InterruptGate;
import org.tock4j.chips.cortexm.hardware.MpuModel;
import org.tock4j.chips.cortexm.hardware.NvicModel;
import org.tock4j.chips.cortexm.hardware.SysTickModel;
import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;

/**
 * A Cortex-M4 core on a board's clock and bus: the NVIC, SysTick and MPU mapped at their ARMv7-M addresses,
 * Tock's drivers for them, the core that runs processes, and Tock's exception handlers.
 *
 * <pre>{@code
 * CortexM4 core = new CortexM4(clock, bus, 64_000_000, 48, 3);
 * InterruptLine uart = core.interruptLine(2);     // wired to a peripheral model
 * core.nvic().enableAll();
 * core.atomic(() -> { ... });                     // PRIMASK set
 * }</pre>
 *
 * <p>Exception handlers, as Tock's {@code cortexv7m} installs them: an external interrupt runs
 * {@code generic_isr} (disable the line in NVIC_ICER, set it pending again in NVIC_ISPR, return to the
 * kernel); SysTick runs {@code systick_handler} (return to the kernel). "Return to the kernel" is the
 * {@link CortexMCpu}'s pending-exception indication.
 *
 * <p>Tock counterpart: the {@code cortexm4} crate ({@code CortexM4} and its re-exports of {@code nvic},
 * {@code systick}, {@code mpu}, {@code support}).
 */
public final class CortexM4 {
    /** MPU regions of the Cortex-M4 ({@code cortexm4::mpu::MPU = MPU<8, 32>}). */
    public static final int MPU_REGIONS = 8;

    private final VirtualClock clock;
    private final MemoryBus bus;
    private final CortexMCpu cpu;
    private final NvicModel nvicModel;
    private final InterruptGate[] interruptGates;
    private final SysTickModel sysTickModel;
    private final MpuModel mpuModel;
    private final Nvic nvic;
    private final SysTick systick;
    private final CortexMMpu mpu;

    /**
     * @param frequencyHz the core clock
     * @param interruptLines external interrupt lines the chip has
     * @param priorityBits implemented priority bits (3 on the nRF52840)
     */
    public CortexM4(VirtualClock clock, MemoryBus bus, int frequencyHz, int interruptLines, int priorityBits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.cpu = new CortexMCpu(clock, frequencyHz);
        this.nvicModel = new NvicModel(interruptLines, priorityBits, this::exceptionTaken);
        this.interruptGates = new InterruptGate[interruptLines];
        this.sysTickModel = new SysTickModel(clock, cpu.cycleGrid(), SysTickModel.DEFAULT_CALIB, nvicModel::pendSysTick);
        this.mpuModel = new MpuModel(MPU_REGIONS);
        nvicModel.mapOnto(bus);
        bus.mapDevice(sysTickModel.registers());
        mpuModel.mapOnto(bus);
        this.nvic = new Nvic(bus);
        this.systick = new SysTick(bus, frequencyHz);
        this.mpu = new CortexMMpu(bus, mpuModel, MPU_REGIONS, CortexMMpu.CORTEXM_MIN_REGION_SIZE);
    }

    public VirtualClock clock() {
        return clock;
    }

    public MemoryBus bus() {
        return bus;
    }

    public CortexMCpu cpu() {
        return cpu;
    }

    public Nvic nvic() {
        return nvic;
    }

    /** The scheduler timer on SysTick. */
    public SysTick systick() {
        return systick;
    }

    public CortexMMpu mpu() {
        return mpu;
    }

    /**
     * The request line of external interrupt {@code irq}, for a peripheral model to drive; the same line on
     * every call. It passes through a gate where {@link #dropNextInterrupt(int)} can lose an assertion.
     */
    public InterruptLine interruptLine(int irq) {
        return gate(irq);
    }

    /**
     * Fault injection: the next assertion of line {@code irq} never reaches the NVIC, nor does the request
     * until the peripheral lowers the line again (a lost level-sensitive request). The interrupt is neither
     * pending nor taken, so the chip's driver never services it.
     */
    public void dropNextInterrupt(int irq) {
        gate(irq).dropNextAssertion();
    }

    /** How many assertions of line {@code irq} {@link #dropNextInterrupt(int)} made the NVIC miss. */
    public int droppedInterrupts(int irq) {
        return gate(irq).dropped();
    }

    private InterruptGate gate(int irq) {
        InterruptGate gate = interruptGates[Objects.checkIndex(irq, interruptGates.length)];
        if (gate == null) {
            gate = new InterruptGate(nvicModel.line(irq));
            interruptGates[irq] = gate;
        }
        return gate;
    }

    /** The number of external interrupt lines. */
    public int interruptLines() {
        return nvicModel.lines();
    }

    /** Runs {@code f} with PRIMASK set; exceptions that fall due meanwhile are taken when it returns. */
    public <R> R atomic(Supplier<R> f) {
        boolean wasMasked = nvicModel.primask();
        nvicModel.setPrimask(true);
        try {
            return f.get();
        } finally {
            nvicModel.setPrimask(wasMasked);
        }
    }

    /** Tock's {@code print_cortexm_state}; the emulated core raises no faults of its own. */
    public String printCortexmState() {
        return "\r\n---| Cortex-M Fault Status |---\r\nNo Cortex-M faults detected.\r\n";
    }

    private void exceptionTaken(int exceptionNumber) {
        if (exceptionNumber == ExceptionHandler.SYSTICK) {
            systickHandler();
        } else if (exceptionNumber >= ExceptionHandler.FIRST_EXTERNAL) {
            genericIsr(exceptionNumber - ExceptionHandler.FIRST_EXTERNAL);
        }
    }

    /** {@code generic_isr_arm_v7m}: disable the interrupt so it cannot fire again before the kernel services it. */
    private void genericIsr(int index) {
        int bit = 1 << (index & 31);
        bus.write32(NvicModel.SCS_BASE + NvicModel.ICER + 4 * (index >>> 5), bit);
        // A pulse interrupt may have lost its pending bit by now: set it again for service_pending_interrupts.
        bus.write32(NvicModel.SCS_BASE + NvicModel.ISPR + 4 * (index >>> 5), bit);
        cpu.exceptionFired();
    }

    /** {@code systick_handler_arm_v7m}: back to the kernel, which sees the expired timeslice. */
    private void systickHandler() {
        cpu.exceptionFired();
    }
}
