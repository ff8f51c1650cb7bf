package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.TwimModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.I2cDevice;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.i2c.I2cError;
import org.tock4j.kernel.hil.i2c.I2cMaster;

class TwimTests {
    private static final int BASE = Nrf52840MemoryMap.SPIM0_TWIM0_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final Twim twim = chip.twim0();
    private final List<String> completions = new ArrayList<>();
    private final List<String> deviceLog = new ArrayList<>();

    /** A sensor with a register file: a write sets the pointer, then data; reads return registers in turn. */
    private final class Sensor implements I2cDevice {
        final byte[] registers = new byte[16];
        int pointer = -1;
        int nackAfterBytes = Integer.MAX_VALUE;
        int written;
        long stretchNs;

        @Override
        public int address() {
            return 0x48;
        }

        @Override
        public boolean start(boolean read) {
            deviceLog.add((read ? "R" : "W") + "@" + clock.now());
            written = 0;
            return true;
        }

        @Override
        public boolean write(byte value) {
            if (written++ >= nackAfterBytes) {
                deviceLog.add("NACK " + value);
                return false;
            }
            if (pointer < 0) {
                pointer = value;
            } else {
                registers[pointer++ & 15] = value;
            }
            deviceLog.add("got " + value);
            return true;
        }

        @Override
        public byte read() {
            return registers[pointer++ & 15];
        }

        @Override
        public long readStretchNs() {
            return stretchNs;
        }

        @Override
        public void stop() {
            deviceLog.add("STOP@" + clock.now());
            pointer = -1;
        }
    }

    private final Sensor sensor = new Sensor();

    @BeforeEach
    void enabledAt400kHz() {
        chip.i2cBus(0).attach(sensor);
        twim.configure(27, 26);
        twim.setSpeed(Twim.Speed.K400);
        twim.setMasterClient((buffer, status) -> completions.add(status + "@" + clock.now()));
        twim.enable();
    }

    @Test
    void twimNackOnAbsentAddress() {
        byte[] data = {1, 2};
        assertThat(twim.write(0x50, data, 2).isOk()).isTrue();

        KernelLoopStandIn.runUntil(chip, 10_000_000);

        // START + address byte: 10 bit times at 400 kHz.
        assertThat(completions).containsExactly(Result.err(I2cError.AddressNak) + "@25000");
        assertThat(bus.read32(BASE + ERRORSRC)).isZero(); // the driver cleared it (write 1 to clear)
        assertThat(deviceLog).isEmpty();
    }

    @Test
    void aWriteSendsEveryByteThenStopsAndCompletesOnStopped() {
        byte[] data = {0x02, 0x11, 0x22};
        twim.write(0x48, data, 3);

        KernelLoopStandIn.runUntil(chip, 10_000_000);

        // 10 + 3 × 9 bit times, then the STOP condition: 38 bit times of 2.5 µs.
        assertThat(deviceLog).containsExactly("W@25000", "got 2", "got 17", "got 34", "STOP@95000");
        assertThat(completions).containsExactly("Ok[value=null]@95000");
        assertThat(sensor.registers[2]).isEqualTo((byte) 0x11);
        assertThat(sensor.registers[3]).isEqualTo((byte) 0x22);
        assertThat(bus.read32(BASE + TXD_AMOUNT)).isEqualTo(3);
    }

    @Test
    void writeReadUsesARepeatedStartAndFillsTheBufferFromTheDevice() {
        sensor.registers[4] = 0x12;
        sensor.registers[5] = 0x34;
        byte[] data = {4, 0, 0};

        assertThat(twim.writeRead(0x48, data, 1, 2).isOk()).isTrue();
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(deviceLog).containsExactly("W@25000", "got 4", "R@72500", "STOP@120000");
        assertThat(data).containsExactly(0x12, 0x34, 0);
        assertThat(completions).containsExactly("Ok[value=null]@120000");
        assertThat(bus.read32(BASE + RXD_AMOUNT)).isEqualTo(2);
    }

    @Test
    void aDataNackReportsDataNakWithTheBuffer() {
        sensor.nackAfterBytes = 1;
        List<byte[]> returned = new ArrayList<>();
        twim.setMasterClient((buffer, status) -> {
            returned.add(buffer);
            completions.add(String.valueOf(status));
        });
        byte[] data = {0, 1, 2};

        twim.write(0x48, data, 3);
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(completions).containsExactly(Result.err(I2cError.DataNak).toString());
        assertThat(returned).singleElement().isSameAs(data);
        assertThat(deviceLog).containsExactly("W@25000", "got 0", "NACK 1");
        assertThat(bus.read32(BASE + TXD_AMOUNT)).isEqualTo(2);
    }

    @Test
    void aDataNackAfterAnAddressNackIsStillADataNak() {
        twim.write(0x50, new byte[1], 1);
        KernelLoopStandIn.runUntil(chip, 1_000_000);
        sensor.nackAfterBytes = 0;
        twim.write(0x48, new byte[1], 1);
        KernelLoopStandIn.runUntil(chip, 2_000_000);

        assertThat(completions).hasSize(2).last().asString().startsWith("Err[error=DataNak]");
    }

    @Test
    void aReadReceivesIntoTheBuffer() {
        sensor.pointer = 0;
        sensor.registers[0] = 7;
        byte[] buffer = new byte[1];

        twim.read(0x48, buffer, 1);
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(buffer).containsExactly(7);
        assertThat(deviceLog).containsExactly("R@25000", "STOP@50000");
    }

    @Test
    void aDeviceStretchingTheClockDelaysEachByteItSends() {
        sensor.pointer = 0;
        sensor.stretchNs = 100_000;
        byte[] buffer = new byte[2];

        twim.read(0x48, buffer, 2);
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        // Address at 25 µs; each byte waits 100 µs, then takes 22.5 µs; the STOP 2.5 µs.
        assertThat(deviceLog).containsExactly("R@25000", "STOP@272500");
    }

    @Test
    void aSecondTransferWhileOneRunsIsBusyAndTooLongIsOverrun() {
        byte[] first = new byte[1];
        twim.write(0x48, first, 1);
        byte[] second = new byte[1];
        assertThat(twim.write(0x48, second, 1))
                .isEqualTo(Result.err(new I2cMaster.RejectedBuffer(I2cError.Busy, second)));
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        byte[] huge = new byte[Nrf52840MemoryMap.TWIM0_DMA_BUFFER_SIZE + 1];
        assertThat(twim.write(0x48, huge, huge.length))
                .isEqualTo(Result.err(new I2cMaster.RejectedBuffer(I2cError.Overrun, huge)));
    }

    @Test
    void aTaskWhileTheTwimIsDisabledIsIgnoredWithAWarning() {
        twim.disable();
        bus.write32(BASE + TASKS_STARTTX, 1);
        clock.advanceBy(1_000_000);

        assertThat(chip.hardware().twim0().registers().warnings())
                .contains("STARTTX while the TWIM is not enabled; ignored");
    }
}
