package org.tock4j.capsules.core.virtualizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tock4j.capsules.core.testing.ManualDeferredCalls;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.Parameters;
import org.tock4j.kernel.hil.uart.Parity;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.StopBits;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.hil.uart.Width;

class MuxUartTests {
    private final Uart uart = mock(Uart.class);
    private final ManualDeferredCalls deferredCalls = new ManualDeferredCalls();
    private MuxUart mux;

    /** What a device's clients were told, in order. */
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        when(uart.transmitBuffer(any(), anyInt())).thenReturn(Result.ok());
        when(uart.transmitWord(anyInt())).thenReturn(Result.ok());
        when(uart.receiveBuffer(any(), anyInt())).thenReturn(Result.ok());
        when(uart.receiveAbort()).thenReturn(Result.err(ErrorCode.BUSY));
        mux = new MuxUart(uart, 115_200, deferredCalls);
        mux.register();
        uart.setTransmitClient(mux);
        uart.setReceiveClient(mux);
    }

    private UartDevice device(String name, boolean receiver) {
        UartDevice device = new UartDevice(mux, receiver);
        device.setup();
        device.setTransmitClient(new TransmitClient() {
            @Override
            public void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rval) {
                events.add(name + " sent " + new String(txBuffer, 0, txLen) + " " + rval);
            }

            @Override
            public void transmittedWord(Result<Void, ErrorCode> rval) {
                events.add(name + " sent word " + rval);
            }
        });
        device.setReceiveClient(new ReceiveClient() {
            @Override
            public void receivedBuffer(byte[] rxBuffer, int rxLen, Result<Void, ErrorCode> rval, UartError error) {
                events.add(name + " got " + new String(rxBuffer, 0, rxLen) + " " + rval + " " + error);
            }
        });
        return device;
    }

    private static byte[] bytes(String s) {
        return Arrays.copyOf(s.getBytes(), 16);
    }

    /** The hardware finishes the reception it was last given, with {@code received} in the buffer. */
    private void hardwareReceives(String received, Result<Void, ErrorCode> rcode, UartError error) {
        ArgumentCaptor<byte[]> buffer = ArgumentCaptor.forClass(byte[].class);
        verify(uart, org.mockito.Mockito.atLeastOnce()).receiveBuffer(buffer.capture(), anyInt());
        byte[] rx = buffer.getValue();
        System.arraycopy(received.getBytes(), 0, rx, 0, received.length());
        mux.receivedBuffer(rx, received.length(), rcode, error);
    }

    @Test
    void initializeConfiguresTheSpeedWith8N1() {
        mux.initialize();

        verify(uart).configure(new Parameters(115_200, Width.Eight, Parity.None, StopBits.One, false));
    }

    @Test
    void registerRegistersTheMuxDeferredCall() {
        deferredCalls.verifySetup();

        assertThat(deferredCalls.calls()).hasSize(1);
    }

    @Test
    void transmissionStartsFromTheDeferredCallNotInsideTheRequest() {
        UartDevice a = device("a", false);
        byte[] tx = bytes("hi");

        assertThat(a.transmitBuffer(tx, 2).isOk()).isTrue();
        verify(uart, never()).transmitBuffer(any(), anyInt());

        deferredCalls.runAll();
        verify(uart).transmitBuffer(tx, 2);
    }

    @Test
    void muxUartQueuesSecondDeviceUntilFirstCompletes() {
        UartDevice a = device("a", false);
        UartDevice b = device("b", false);
        byte[] txA = bytes("one");
        byte[] txB = bytes("two");
        a.transmitBuffer(txA, 3);
        deferredCalls.runAll();
        b.transmitBuffer(txB, 3);
        deferredCalls.runAll();

        verify(uart).transmitBuffer(txA, 3);
        verify(uart, never()).transmitBuffer(txB, 3);

        mux.transmittedBuffer(txA, 3, Result.ok());

        assertThat(events).containsExactly("a sent one Ok[value=null]");
        verify(uart).transmitBuffer(txB, 3);
        mux.transmittedBuffer(txB, 3, Result.ok());
        assertThat(events).containsExactly("a sent one Ok[value=null]", "b sent two Ok[value=null]");
    }

    @Test
    void queuedTransmissionsGoOutMostRecentlySetUpDeviceFirst() {
        UartDevice a = device("a", false);
        UartDevice b = device("b", false);
        byte[] txA = bytes("one");
        byte[] txB = bytes("two");
        a.transmitBuffer(txA, 3);
        b.transmitBuffer(txB, 3);

        deferredCalls.runAll();

        verify(uart).transmitBuffer(txB, 3);
        verify(uart, never()).transmitBuffer(txA, 3);
    }

    @Test
    void emptyTransmissionIsSizeAndSecondTransmissionIsBusy() {
        UartDevice a = device("a", false);
        byte[] tx = bytes("x");

        Result<Void, RejectedBuffer> empty = a.transmitBuffer(tx, 0);
        a.transmitBuffer(tx, 1);
        Result<Void, RejectedBuffer> second = a.transmitBuffer(bytes("y"), 1);

        assertThat(empty.unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
        assertThat(empty.unwrapErr().buffer()).isSameAs(tx);
        assertThat(second.unwrapErr().error()).isEqualTo(ErrorCode.BUSY);
    }

    @Test
    void hardwareRefusalHandsTheBufferBackWithTheError() {
        when(uart.transmitBuffer(any(), anyInt())).thenAnswer(call ->
                Result.err(new RejectedBuffer(ErrorCode.OFF, call.getArgument(0))));
        UartDevice a = device("a", false);
        a.transmitBuffer(bytes("zz"), 2);

        deferredCalls.runAll();

        assertThat(events).containsExactly("a sent  Err[error=OFF]");
        assertThat(a.transmitBuffer(bytes("ok"), 2).isOk()).isTrue();
    }

    @Test
    void transmitWordCompletesThroughTheMux() {
        UartDevice a = device("a", false);

        assertThat(a.transmitWord('!').isOk()).isTrue();
        deferredCalls.runAll();
        verify(uart).transmitWord('!');
        mux.transmittedWord(Result.ok());

        assertThat(events).containsExactly("a sent word Ok[value=null]");
    }

    @Test
    void transmitAbortAndReceiveWordAreFail() {
        UartDevice a = device("a", true);

        assertThat(a.transmitAbort().unwrapErr()).isEqualTo(ErrorCode.FAIL);
        assertThat(a.receiveWord().unwrapErr()).isEqualTo(ErrorCode.FAIL);
    }

    @Test
    void receptionIsCopiedToEveryReceivingDevice() {
        UartDevice a = device("a", true);
        UartDevice b = device("b", true);
        UartDevice quiet = device("quiet", false);
        a.receiveBuffer(new byte[8], 3);
        b.receiveBuffer(new byte[8], 3);
        quiet.receiveBuffer(new byte[8], 3);

        hardwareReceives("abc", Result.ok(), UartError.None);

        assertThat(events).containsExactlyInAnyOrder(
                "a got abc Ok[value=null] None", "b got abc Ok[value=null] None");
    }

    @Test
    void shorterReadCompletesFirstAndLongerReadContinues() {
        UartDevice a = device("a", true);
        UartDevice b = device("b", true);
        a.receiveBuffer(new byte[8], 4);
        verify(uart).receiveBuffer(any(), eq(4));
        b.receiveBuffer(new byte[8], 2);
        // The hardware read was longer: the mux aborts it to restart with the shorter length.
        verify(uart).receiveAbort();
        hardwareReceives("", Result.err(ErrorCode.CANCEL), UartError.Aborted);
        verify(uart).receiveBuffer(any(), eq(2));

        hardwareReceives("xy", Result.ok(), UartError.None);
        assertThat(events).containsExactly("b got xy Ok[value=null] None");
        verify(uart, times(2)).receiveBuffer(any(), eq(2));

        hardwareReceives("zw", Result.ok(), UartError.None);
        assertThat(events).containsExactly("b got xy Ok[value=null] None", "a got xyzw Ok[value=null] None");
    }

    @Test
    void deviceReceiveAbortCompletesWithCancelAndBytesSoFar() {
        UartDevice a = device("a", true);
        a.receiveBuffer(new byte[8], 8);

        assertThat(a.receiveAbort().unwrapErr()).isEqualTo(ErrorCode.BUSY);
        verify(uart).receiveAbort();
        hardwareReceives("ab", Result.err(ErrorCode.CANCEL), UartError.Aborted);

        assertThat(events).containsExactly("a got ab Err[error=CANCEL] Aborted");
    }

    @Test
    void clientMayStartTheNextReadFromItsCallback() {
        UartDevice a = new UartDevice(mux, true);
        a.setup();
        byte[] rx = new byte[4];
        a.setReceiveClient((buffer, len, rval, error) -> {
            events.add("got " + new String(buffer, 0, len));
            if (events.size() < 2) {
                a.receiveBuffer(buffer, 1);
            }
        });
        a.receiveBuffer(rx, 1);

        hardwareReceives("p", Result.ok(), UartError.None);
        hardwareReceives("q", Result.ok(), UartError.None);

        assertThat(events).containsExactly("got p", "got q");
        verify(uart, times(2)).receiveBuffer(any(), eq(1));
    }

    @Test
    void receiveWhileReceivingIsBusyAndTooLongIsSize() {
        UartDevice a = device("a", true);
        UartDevice b = device("b", true);
        a.receiveBuffer(new byte[8], 2);

        assertThat(a.receiveBuffer(new byte[8], 2).unwrapErr().error()).isEqualTo(ErrorCode.BUSY);
        assertThat(b.receiveBuffer(new byte[2], 3).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
    }

    @Test
    void hardwareReceiveRefusalHandsTheDeviceBufferBack() {
        when(uart.receiveBuffer(any(), anyInt())).thenAnswer(call ->
                Result.err(new RejectedBuffer(ErrorCode.OFF, call.getArgument(0))));
        UartDevice a = device("a", true);
        byte[] rx = new byte[8];

        Result<Void, RejectedBuffer> refused = a.receiveBuffer(rx, 4);

        assertThat(refused.unwrapErr().error()).isEqualTo(ErrorCode.OFF);
        assertThat(refused.unwrapErr().buffer()).isSameAs(rx);
        when(uart.receiveBuffer(any(), anyInt())).thenReturn(Result.ok());
        assertThat(a.receiveBuffer(rx, 4).isOk()).isTrue();
    }

    @Test
    void deviceUsedBeforeSetupFailsFast() {
        UartDevice lonely = new UartDevice(mux, true);

        assertThatThrownBy(() -> lonely.transmitBuffer(bytes("x"), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setup()");
    }
}
