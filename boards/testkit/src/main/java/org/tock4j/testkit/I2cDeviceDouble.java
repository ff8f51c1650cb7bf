package org.tock4j.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.I2cDevice;

/**
 * A stand-in I2C device for board tests: attached to one of the board's buses at an address, it records every
 * transaction with its virtual time, answers reads from scripted bytes or a register map, and can refuse to
 * acknowledge its address or chosen bytes (an I2C NACK, as an absent or busy device gives).
 *
 * <pre>{@code
 * I2cDeviceDouble sensor = board.attachI2c("i2c0", 0x48)
 *         .register(0x00, 0x12, 0x34);          // reading register 0 gives 0x12 0x34
 * ... run the board ...
 * sensor.transactions();                        // [[PT0.001S] 0x48 write 00 (ACK), [...] 0x48 read 12 34 (ACK)]
 * sensor.nackAddress();                         // from now on the device is "absent"
 * }</pre>
 *
 * <p>If a device already answers the address (the Si7021 at {@code 0x40} of imix and hail), the double stands
 * in front of it: everything the double does not answer itself (its scripted bytes, its registers, its NACKs)
 * reaches that device, so a test can record a real sensor's traffic and make it fail. {@link #detach()} puts
 * the device back alone.
 *
 * <p>Reads are answered, in this order: the next of the bytes queued with {@link #reply(int...)}; the register
 * map, if {@link #register(int, int...)} set one (the first byte of a write transaction selects the register,
 * further bytes written store into it, and each byte read comes from it, the register number advancing
 * after each byte); the device behind the double; {@code 0xFF} (SDA left to its pull-up).
 *
 * <p>Calls from the controller come on the board's thread; so must the test's calls (between runs).
 *
 * <p>Renode counterpart: {@code Antmicro.Renode.Peripherals.Mocks.DummyI2CSlave} (queued response bytes,
 * received data recorded). Tock counterpart: none (the device on the far side of an {@code I2CMaster}).
 */
public final class I2cDeviceDouble implements I2cDevice {
    private final String busName;
    private final I2cBus bus;
    private final int address;
    private final VirtualClock clock;
    private final Optional<I2cDevice> behind;
    private final Deque<Integer> replies = new ArrayDeque<>();
    private final Map<Integer, Integer> registers = new TreeMap<>();
    private final Set<Integer> nackedWrites = new HashSet<>();
    private final List<I2cTransaction> transactions = new ArrayList<>();
    private boolean nackAddress;
    private boolean attached = true;
    private int pointer;

    // the open transaction
    private boolean open;
    private long startNs;
    private I2cTransaction.Direction direction;
    private List<Integer> written;
    private List<Integer> read;
    private I2cTransaction.Outcome outcome;
    private boolean behindStarted;

    /** Puts a double on {@code bus} at {@code address}, in front of the device that answers it, if any. */
    I2cDeviceDouble(String busName, I2cBus bus, int address, VirtualClock clock) {
        this.busName = Objects.requireNonNull(busName, "busName");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException(busName + ": I2C addresses are 7-bit, not 0x"
                    + Integer.toHexString(address));
        }
        this.address = address;
        this.behind = bus.device(address);
        behind.ifPresent(bus::detach);
        bus.attach(this);
    }

    @Override
    public int address() {
        return address;
    }

    /** The bus it is on, by the board's name for it. */
    public String busName() {
        return busName;
    }

    /** The device the double stands in front of, if one answered its address when it was attached. */
    public Optional<I2cDevice> deviceBehind() {
        return behind;
    }

    // ---- what it answers ----

    /** Queues {@code bytes} (0–255) to send, in order, on the next bytes read from it. */
    public I2cDeviceDouble reply(int... bytes) {
        for (int b : bytes) {
            replies.addLast(checkByte(b));
        }
        return this;
    }

    /** Sets registers {@code register}, {@code register + 1}, ... to {@code bytes}; reads then come from them. */
    public I2cDeviceDouble register(int register, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            registers.put((register + i) & 0xFF, checkByte(bytes[i]));
        }
        return this;
    }

    /** The value of {@code register} (written by the controller or set by the test); 0xFF if never set. */
    public int registerValue(int register) {
        return registers.getOrDefault(register & 0xFF, 0xFF);
    }

    // ---- faults ----

    /** From now on the device does not acknowledge its address (until {@link #ackAddress()}). */
    public I2cDeviceDouble nackAddress() {
        nackAddress = true;
        return this;
    }

    /** The device acknowledges its address again. */
    public I2cDeviceDouble ackAddress() {
        nackAddress = false;
        return this;
    }

    /** From now on the device does not acknowledge a written byte equal to {@code value} (a data NACK). */
    public I2cDeviceDouble nackWrite(int value) {
        nackedWrites.add(checkByte(value));
        return this;
    }

    /** Every NACK stops: the address and every byte are acknowledged again. */
    public I2cDeviceDouble clearNacks() {
        nackAddress = false;
        nackedWrites.clear();
        return this;
    }

    // ---- what it saw ----

    /** Every transaction so far, oldest first; the last may still be open ({@link I2cTransaction#isEnded()}). */
    public List<I2cTransaction> transactions() {
        List<I2cTransaction> all = new ArrayList<>(transactions);
        if (open) {
            all.add(current(-1));
        }
        return Collections.unmodifiableList(all);
    }

    /** Takes the double off the bus; the device it stood in front of answers the address alone again. */
    public void detach() {
        if (attached) {
            attached = false;
            bus.detach(this);
            behind.ifPresent(bus::attach);
        }
    }

    // ---- I2cDevice: the controller's side ----

    @Override
    public boolean start(boolean reading) {
        close(false); // a repeated START: the device behind sees only the new START, as on the bus
        open = true;
        startNs = clock.now();
        direction = reading ? I2cTransaction.Direction.READ : I2cTransaction.Direction.WRITE;
        written = new ArrayList<>();
        read = new ArrayList<>();
        outcome = I2cTransaction.Outcome.ACK;
        if (nackAddress) {
            outcome = I2cTransaction.Outcome.ADDRESS_NACK;
            return false;
        }
        if (behind.isPresent()) {
            behindStarted = true;
            if (!behind.get().start(reading)) {
                outcome = I2cTransaction.Outcome.ADDRESS_NACK;
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean write(byte value) {
        int b = value & 0xFF;
        boolean first = written.isEmpty();
        written.add(b);
        if (nackedWrites.contains(b)) {
            outcome = I2cTransaction.Outcome.DATA_NACK;
            return false;
        }
        if (!registers.isEmpty()) {
            if (first) {
                pointer = b;
            } else {
                registers.put(pointer, b);
                pointer = (pointer + 1) & 0xFF;
            }
        }
        if (behindStarted && !behind.get().write(value)) {
            outcome = I2cTransaction.Outcome.DATA_NACK;
            return false;
        }
        return true;
    }

    @Override
    public byte read() {
        int b;
        if (!replies.isEmpty()) {
            b = replies.removeFirst();
        } else if (!registers.isEmpty()) {
            b = registers.getOrDefault(pointer, 0xFF);
            pointer = (pointer + 1) & 0xFF;
        } else if (behindStarted) {
            b = behind.get().read() & 0xFF;
        } else {
            b = 0xFF;
        }
        read.add(b);
        return (byte) b;
    }

    @Override
    public long readStretchNs() {
        boolean answersItself = !replies.isEmpty() || !registers.isEmpty();
        return !answersItself && behindStarted ? behind.get().readStretchNs() : 0;
    }

    @Override
    public void stop() {
        close(true);
    }

    /** Ends the open transaction; a STOP also reaches the device behind, if it took part. */
    private void close(boolean stopBehind) {
        if (open) {
            transactions.add(current(clock.now()));
            open = false;
        }
        if (stopBehind && behindStarted) {
            behindStarted = false;
            behind.get().stop();
        }
    }

    private I2cTransaction current(long endNs) {
        return new I2cTransaction(startNs, endNs, address, direction, written, read, outcome);
    }

    private static int checkByte(int b) {
        if (b < 0 || b > 0xFF) {
            throw new IllegalArgumentException("a byte is 0..255 (0x00..0xFF), not " + b);
        }
        return b;
    }

    @Override
    public String toString() {
        return String.format("I2cDeviceDouble[%s 0x%02X%s, %d transactions]", busName, address,
                behind.map(d -> " in front of " + d).orElse(""), transactions().size());
    }
}
