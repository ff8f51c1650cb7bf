package org.tock4j.chips.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class I2cBusTests {
    private final I2cBus bus = new I2cBus("I2C0");

    private static I2cDevice at(int address) {
        return new I2cDevice() {
            @Override
            public int address() {
                return address;
            }

            @Override
            public boolean write(byte value) {
                return true;
            }

            @Override
            public byte read() {
                return 0;
            }
        };
    }

    @Test
    void attachedDevicesAreFoundByTheirAddress() {
        I2cDevice sensor = at(0x48);
        bus.attach(sensor);

        assertThat(bus.device(0x48)).containsSame(sensor);
        assertThat(bus.device(0x49)).isEmpty();
        assertThat(bus.devices()).containsExactly(sensor);
    }

    @Test
    void twoDevicesCannotShareAnAddress() {
        bus.attach(at(0x48));
        assertThatThrownBy(() -> bus.attach(at(0x48))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x48");
    }

    @Test
    void addressesAreSevenBits() {
        assertThatThrownBy(() -> bus.attach(at(0x80))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7-bit");
    }

    @Test
    void aDetachedDeviceNoLongerAnswers() {
        I2cDevice sensor = at(0x10);
        bus.attach(sensor);
        assertThat(bus.detach(sensor)).isTrue();
        assertThat(bus.device(0x10)).isEmpty();
    }
}
