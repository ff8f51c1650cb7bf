package org.tock4j.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.ProcessInfo;
import org.tock4j.boards.kit.SyscallRecord;
import org.tock4j.chips.emulator.world.ChipFaults;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.kernel.core.SyscallInterceptor;
import org.tock4j.kernel.platform.Chip;

/**
 * A board under test: run it on virtual time, drive its outside world, inject faults, and look at what it
 * did.
 *
 * <pre>{@code
 * board.runFor(Duration.ofSeconds(1));
 * board.console().text();
 * board.led(0).edges();
 * board.process("hello").state();
 * board.faults().dropNextInterrupt("RTC1");           // fault injection
 * I2cDeviceDouble sensor = board.attachI2c("i2c0", 0x48);
 * }</pre>
 *
 * <p>Tock counterpart: none; Renode's robot keywords and libtock-rs's fake kernel give their users the same.
 */
public final class TestBoard implements AutoCloseable {
    private final Board board;

    public TestBoard(Board board) {
        this.board = board;
    }

    /** Boots a board outside the extension (close it yourself); the system call trace is kept, as in tests. */
    public static TestBoard boot(BootRequest request) {
        return new TestBoard(Board.boot(request.recordSyscalls(true)));
    }

    /** Runs {@code duration} of virtual time. */
    public TestBoard runFor(Duration duration) {
        board.runFor(duration);
        return this;
    }

    /**
     * Runs until {@code condition} holds, failing with a report (virtual time, processes, last console lines) if
     * {@code timeout} of virtual time passes first.
     */
    public TestBoard runUntil(BooleanSupplier condition, Duration timeout) {
        if (!board.runUntil(condition, timeout)) {
            throw new AssertionError("condition not met after " + Duration.ofNanos(board.nowNs())
                    + " of virtual time" + System.lineSeparator() + report());
        }
        return this;
    }

    /** One iteration of the kernel loop. */
    public TestBoard step() {
        board.step();
        return this;
    }

    /** The seed of the board's randomness. */
    public long seed() {
        return board.settings().seed();
    }

    /** A physical value the board's sensors measure ({@code temperature} in °C), to read or set. */
    public SensorValue sensor(String name) {
        return board.world().sensor(name);
    }

    /** A pin of the board by name (for example {@code P0.11}). */
    public PinView pin(String name) {
        return new PinView(board.world().pin(name), this);
    }

    /** Virtual time since reset. */
    public Duration now() {
        return Duration.ofNanos(board.nowNs());
    }

    public long nowNs() {
        return board.nowNs();
    }

    /** The board's console UART. */
    public UartView console() {
        return new UartView(board.world().uart("console"), this);
    }

    public UartView uart(String name) {
        return new UartView(board.world().uart(name), this);
    }

    /** LED {@code index}, counting from 0 as the LED driver does. */
    public LedView led(int index) {
        return new LedView(board.world().led(index));
    }

    public int ledCount() {
        return board.world().leds().size();
    }

    public List<ProcessInfo> processes() {
        return board.processes();
    }

    /** The process named {@code name} (the first, if several share it). */
    public ProcessInfo process(String name) {
        return board.processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no process named '" + name + "'; processes: "
                        + board.processes().stream().map(ProcessInfo::name).toList()));
    }

    /**
     * The chip's fault injection: {@code dropNextInterrupt(peripheral)} loses the next interrupt request of a
     * peripheral ({@code RTC1}, {@code UARTE0}, {@code GPIOTE} on the nRF52840; {@code AST}, {@code USART3} on
     * the SAM4L; an unknown name fails listing the known ones), {@code failNextFlashWrite()} makes the next
     * flash page write fail as the chip's flash does. A UART framing error is
     * {@link UartView#sendFramingError()}; an I2C NACK is an {@link I2cDeviceDouble}'s; a process faulting at a
     * chosen system call is {@link SyscallScript#faultAtCall(String, int)}.
     */
    public ChipFaults faults() {
        return board.world().faults();
    }

    /**
     * Attaches an {@link I2cDeviceDouble} to the I2C bus {@code busName} ({@code i2c0} on the nRF52840-DK,
     * {@code i2c2} on imix, {@code i2c1} on hail) at the 7-bit {@code address}; if a device already answers
     * that address, the double stands in front of it.
     *
     * @throws java.util.NoSuchElementException for a bus the board does not have, naming the ones it has
     */
    public I2cDeviceDouble attachI2c(String busName, int address) {
        return new I2cDeviceDouble(busName, board.world().i2cBus(busName), address, board.world().clock());
    }

    /**
     * Attaches an {@link SpiDeviceDouble} to the SPI bus {@code busName} ({@code spi0} on the nRF52840-DK,
     * {@code spi} on imix and hail), selected while the pin {@code chipSelectPin} is low (a GPIO pin such as
     * {@code P0.20}, or the SAM4L SPI's own {@code NPCS0}..{@code NPCS3}).
     *
     * @throws java.util.NoSuchElementException for a bus or pin the board does not have, naming the ones it has
     */
    public SpiDeviceDouble attachSpi(String busName, String chipSelectPin) {
        SpiBus bus = board.world().spiBus(busName);
        return new SpiDeviceDouble(busName, bus, chipSelectPin, board.world().pin(chipSelectPin),
                board.world().clock());
    }

    /** Puts {@code interceptor} (an expected-syscall script, a fault injection) in front of system calls. */
    public TestBoard install(SyscallInterceptor interceptor) {
        board.kernel().setSyscallInterceptor(interceptor);
        return this;
    }

    /** Every system call, upcall and Yield-WaitFor completion so far, with virtual timestamps. */
    public List<SyscallRecord> syscalls() {
        return board.syscalls();
    }

    /** The system calls of the process named {@code name}, with what they returned. */
    public List<SyscallRecord.Call> syscallsOf(String name) {
        return board.syscalls().stream().filter(r -> r instanceof SyscallRecord.Call)
                .map(SyscallRecord.Call.class::cast).filter(c -> c.process().equals(name)).toList();
    }

    /** The kernel's panic report, if it panicked. */
    public Optional<String> panic() {
        return board.panic();
    }

    /**
     * The board's chip as {@code type}, for tests that drive one of its HILs directly, as a capsule author's
     * component would ({@code board.chip(Nrf52840.class).twim0()}).
     *
     * @throws IllegalArgumentException naming the board's chip if it is not a {@code type}
     */
    public <C extends Chip> C chip(Class<C> type) {
        Chip chip = board.chip();
        if (!type.isInstance(chip)) {
            throw new IllegalArgumentException("board " + board.name() + " has a " + chip.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(chip);
    }

    /** The board itself, for what this view does not cover. */
    public Board board() {
        return board;
    }

    /** Virtual time, processes and the last console lines, for failure messages. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("board ").append(board.name()).append(" at ").append(Duration.ofNanos(board.nowNs()))
                .append(System.lineSeparator());
        for (ProcessInfo p : board.processes()) {
            sb.append("  ").append(p.name()).append(' ').append(p.state()).append(" restarts ").append(p.restarts())
                    .append(p.fault().map(f -> " fault: " + f).orElse("")).append(System.lineSeparator());
        }
        List<SyscallRecord> trace = board.syscalls();
        if (!trace.isEmpty()) {
            sb.append("  last system calls:").append(System.lineSeparator());
            trace.subList(Math.max(0, trace.size() - 10), trace.size())
                    .forEach(r -> sb.append("    ").append(r).append(System.lineSeparator()));
        }
        List<String> lines = console().lines();
        sb.append("  last console lines:").append(System.lineSeparator());
        lines.subList(Math.max(0, lines.size() - 10), lines.size())
                .forEach(l -> sb.append("    ").append(l).append(System.lineSeparator()));
        board.panic().ifPresent(p -> sb.append(p));
        return sb.toString();
    }

    @Override
    public void close() {
        board.close();
    }
}
