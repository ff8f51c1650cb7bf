package org.tock4j.capsules.core.si7021;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.tock4j.capsules.core.si7021.Si7021.State;
import org.tock4j.capsules.core.testing.FakeAlarm;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.i2c.I2cError;
import org.tock4j.kernel.hil.i2c.I2cMaster;
import org.tock4j.kernel.hil.i2c.I2cMaster.RejectedBuffer;

class Si7021Tests {
    /** 20 ms of a 32768 Hz counter, as {@code ticksFromMs} rounds it. */
    private static final long TWENTY_MS = 20 * 32768 / 1000;

    private final I2cMaster i2c = mock(I2cMaster.class);
    private final FakeAlarm alarm = new FakeAlarm(32, 32768, 1000);
    private final byte[] buffer = new byte[Si7021.BUFFER_LEN];
    private final Si7021 si7021 = new Si7021(i2c, 0x40, alarm, buffer);
    private final List<Result<Integer, ErrorCode>> temperatures = new ArrayList<>();
    private final List<Result<Integer, ErrorCode>> humidities = new ArrayList<>();

    @BeforeEach
    void wire() {
        when(i2c.write(anyInt(), any(), anyInt())).thenReturn(Result.ok());
        when(i2c.read(anyInt(), any(), anyInt())).thenReturn(Result.ok());
        alarm.setAlarmClient(si7021);
        si7021.setClient(temperatures::add);
        si7021.setHumidityClient(humidities::add);
    }

    private void complete() {
        si7021.commandComplete(buffer, Result.ok());
    }

    /** The sensor answers the two-byte read with {@code code}. */
    private void answer(int code) {
        buffer[0] = (byte) (code >>> 8);
        buffer[1] = (byte) code;
        complete();
    }

    /**
     * A whole reading: the command is sent, 20 ms pass, the first read completes, and the second (Tock's
     * driver reads the result twice and uses the second) completes with {@code code}.
     */
    private void measure(int code) {
        complete();
        alarm.advanceBy(TWENTY_MS);
        complete();
        answer(code);
    }

    @Test
    void aTemperatureReadingSendsTheNoHoldCommandWaitsTwentyMillisecondsThenReadsTwoBytes() {
        assertThat(si7021.readTemperature()).isEqualTo(Result.ok());
        InOrder order = inOrder(i2c);
        order.verify(i2c).enable();
        order.verify(i2c).write(0x40, buffer, 1);
        assertThat(buffer[0]).isEqualTo((byte) 0xF3);
        assertThat(si7021.state()).isEqualTo(State.TakeTempMeasurementInit);

        complete();
        order.verify(i2c).disable();
        assertThat(alarm.isArmed()).isTrue();
        assertThat(alarm.getAlarm().value()).isEqualTo(1000 + TWENTY_MS);
        assertThat(si7021.state()).isEqualTo(State.WaitTemp);

        alarm.advanceBy(TWENTY_MS - 1);
        order.verify(i2c, never()).read(anyInt(), any(), anyInt());
        alarm.advanceBy(1);
        order.verify(i2c).enable();
        order.verify(i2c).read(0x40, buffer, 2);
        assertThat(si7021.state()).isEqualTo(State.ReadTempMeasurement);

        // As in Tock, the first read's completion starts a second read, whose bytes are the reading.
        complete();
        order.verify(i2c).read(0x40, buffer, 2);
        assertThat(si7021.state()).isEqualTo(State.GotTempMeasurement);
        answer(0x667C);
        assertThat(temperatures).hasSize(1);
    }

    @Test
    void theTemperatureIsInHundredthsOfADegreeByTocksIntegerFormula() {
        si7021.readTemperature();
        measure(0x667C); // 26236: 23.4977 °C

        // 26236 × 17572 / 65536 = 7034 (truncated), − 4685
        assertThat(temperatures).containsExactly(Result.ok(2349));
        assertThat(si7021.isIdle()).isTrue();
        verify(i2c, times(2)).disable();
    }

    @Test
    void temperaturesBelowZeroAreNegative() {
        si7021.readTemperature();
        measure(0x0000);
        assertThat(temperatures).containsExactly(Result.ok(-4685));
    }

    @Test
    void aHumidityReadingUsesTheRhCommandAndHundredthsOfAPercent() {
        assertThat(si7021.readHumidity()).isEqualTo(Result.ok());
        assertThat(buffer[0]).isEqualTo((byte) 0xF5);
        measure(0x7C82); // 31874: 54.80 %RH

        // 31874 × 12500 / 65536 = 6079 (truncated), − 600
        assertThat(humidities).containsExactly(Result.ok(5479));
        assertThat(temperatures).isEmpty();
    }

    @Test
    void anRhCodeBelowZeroPercentReadsZero() {
        si7021.readHumidity();
        measure(0x0002);
        assertThat(humidities).containsExactly(Result.ok(0));
    }

    @Test
    void aHumidityRequestDuringATemperatureReadingWaitsOnDeckAndAThirdIsBusy() {
        si7021.readTemperature();
        assertThat(si7021.readHumidity()).isEqualTo(Result.ok());
        assertThat(si7021.readTemperature()).isEqualTo(Result.err(ErrorCode.BUSY));

        measure(0x667C);

        assertThat(temperatures).containsExactly(Result.ok(2349));
        assertThat(buffer[0]).isEqualTo((byte) 0xF5);
        assertThat(si7021.state()).isEqualTo(State.TakeRhMeasurementInit);
        measure(0x7C82);
        assertThat(humidities).containsExactly(Result.ok(5479));
        assertThat(si7021.isIdle()).isTrue();
    }

    @Test
    void aTemperatureRequestOnDeckDuringATemperatureReadingGetsAReadingOfItsOwn() {
        si7021.readTemperature();
        assertThat(si7021.readTemperature()).isEqualTo(Result.ok());

        measure(0x667C);
        assertThat(si7021.state()).isEqualTo(State.TakeTempMeasurementInit);
        measure(0x0000);

        assertThat(temperatures).containsExactly(Result.ok(2349), Result.ok(-4685));
    }

    @Test
    void aNakEndsTheReadingWithNoackAndTheNextReadingWorks() {
        si7021.readTemperature();
        complete();
        alarm.advanceBy(TWENTY_MS);
        complete();
        si7021.commandComplete(buffer, Result.err(I2cError.AddressNak));

        assertThat(temperatures).containsExactly(Result.err(ErrorCode.NOACK));
        assertThat(si7021.isIdle()).isTrue();

        assertThat(si7021.readTemperature()).isEqualTo(Result.ok());
        measure(0x667C);
        assertThat(temperatures).endsWith(Result.ok(2349));
    }

    @Test
    void aNakOfTheCommandEndsTheReadingAtOnceWithoutWaiting() {
        si7021.readTemperature();
        si7021.commandComplete(buffer, Result.err(I2cError.AddressNak));

        assertThat(temperatures).containsExactly(Result.err(ErrorCode.NOACK));
        assertThat(alarm.isArmed()).isFalse();
    }

    @Test
    void aCommandTheControllerRefusesAtOnceIsReturnedWithNoCallbackAndTheBufferKept() {
        when(i2c.write(anyInt(), any(), anyInt()))
                .thenReturn(Result.err(new RejectedBuffer(I2cError.NotSupported, buffer)))
                .thenReturn(Result.ok());

        assertThat(si7021.readTemperature()).isEqualTo(Result.err(ErrorCode.NOSUPPORT));
        assertThat(si7021.isIdle()).isTrue();
        assertThat(temperatures).isEmpty();

        assertThat(si7021.readTemperature()).isEqualTo(Result.ok());
    }

    @Test
    void aReadTheControllerRefusesAfterTheWaitEndsTheReadingWithItsError() {
        when(i2c.read(anyInt(), any(), anyInt())).thenReturn(Result.err(new RejectedBuffer(I2cError.Busy, buffer)));
        si7021.readTemperature();
        complete();
        alarm.advanceBy(TWENTY_MS);

        assertThat(temperatures).containsExactly(Result.err(ErrorCode.BUSY));
        assertThat(si7021.isIdle()).isTrue();
    }

    @Test
    void readIdReadsBothAccessesAndKeepsTheSerialNumber() {
        assertThat(si7021.readId()).isEqualTo(Result.ok());
        verify(i2c).write(0x40, buffer, 2);
        assertThat(new byte[] {buffer[0], buffer[1]}).containsExactly(0xFA, 0x0F);

        complete();
        verify(i2c).read(0x40, buffer, 8);
        byte[] first = {0x11, 0, 0x22, 0, 0x33, 0, 0x44, 0};
        System.arraycopy(first, 0, buffer, 0, 8);
        complete();
        assertThat(new byte[] {buffer[0], buffer[1]}).containsExactly(0xFC, 0xC9);
        complete();
        verify(i2c).read(0x40, buffer, 6);
        byte[] second = {0x15, 0x66, 0, 0x77, (byte) 0x88, 0};
        System.arraycopy(second, 0, buffer, 0, 6);
        complete();

        assertThat(si7021.electronicId()).hasValue(0x1122_3344_1566_7788L);
        assertThat(si7021.isIdle()).isTrue();
    }

    @Test
    void aTemperatureRequestDuringAnIdReadRunsWhenTheIdIsRead() {
        si7021.readId();
        assertThat(si7021.readTemperature()).isEqualTo(Result.ok());
        assertThat(si7021.readId()).isEqualTo(Result.err(ErrorCode.BUSY));
        complete();
        complete();
        complete();
        complete();

        assertThat(si7021.electronicId()).isPresent();
        assertThat(buffer[0]).isEqualTo((byte) 0xF3);
        assertThat(si7021.state()).isEqualTo(State.TakeTempMeasurementInit);
    }

    @Test
    void theIdIsUnknownUntilRead() {
        assertThat(si7021.electronicId()).isEmpty();
    }

    @Test
    void aBufferShorterThanTocksIsRefused() {
        assertThatThrownBy(() -> new Si7021(i2c, 0x40, alarm, new byte[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("14-byte");
        assertThatThrownBy(() -> new Si7021(i2c, 0x80, alarm, buffer))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
