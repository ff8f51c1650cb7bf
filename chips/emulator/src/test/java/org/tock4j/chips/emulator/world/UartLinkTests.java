package org.tock4j.chips.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.VirtualClock;

class UartLinkTests {
    private final VirtualClock clock = new VirtualClock();
    private final UartLink link = new UartLink("UARTE0", clock);

    @Test
    void transmittedBytesKeepTheTimeTheirStopBitEnded() {
        clock.advanceTo(86_805);
        link.byteTransmitted((byte) 'H');
        clock.advanceTo(173_611);
        link.byteTransmitted((byte) 'i');

        assertThat(link.transmitted()).containsExactly(new TransmittedByte(86_805, (byte) 'H'),
                new TransmittedByte(173_611, (byte) 'i'));
        assertThat(link.transmittedText()).isEqualTo("Hi");
        assertThat(link.transmittedBytes()).containsExactly('H', 'i');
    }

    @Test
    void transmitListenersHearEachByte() {
        List<TransmittedByte> heard = new ArrayList<>();
        link.addTransmitListener(heard::add);
        link.byteTransmitted((byte) 1);
        assertThat(heard).hasSize(1);
    }

    @Test
    void bytesTheWorldSendsWaitInOrderUntilTaken() {
        List<Integer> announced = new ArrayList<>();
        link.setRxAvailableListener(() -> announced.add(link.rxWaitingCount()));

        link.feed("ok");

        assertThat(announced).containsExactly(2);
        assertThat(link.peekRx()).isEqualTo('o');
        assertThat(link.takeRx()).isEqualTo('o');
        assertThat(link.takeRx()).isEqualTo('k');
        assertThat(link.takeRx()).isEqualTo(-1);
    }

    @Test
    void bytesFedFromAnotherThreadArriveAtTheNextSleep() throws InterruptedException {
        Thread host = Thread.ofPlatform().start(() -> link.feedFromHost(new byte[] {'x'}));
        host.join();
        assertThat(link.rxWaitingCount()).isZero();

        clock.sleepUntilNextEvent();

        assertThat(link.takeRx()).isEqualTo('x');
    }

    @Test
    void aFrameWithAFramingErrorWaitsInOrderAndSaysSo() {
        List<Integer> announced = new ArrayList<>();
        link.setRxAvailableListener(() -> announced.add(link.rxWaitingCount()));

        link.feed("a");
        link.feedFramingError();
        link.feedFramingError((byte) 0xC3);

        assertThat(announced).containsExactly(1, 2, 3);
        assertThat(link.nextRxHasFramingError()).isFalse();
        assertThat(link.takeRx()).isEqualTo('a');
        assertThat(link.nextRxHasFramingError()).isTrue();
        assertThat(link.peekRx()).isZero();
        assertThat(link.takeRx()).isZero();
        assertThat(link.nextRxHasFramingError()).isTrue();
        assertThat(link.takeRx()).isEqualTo(0xC3);
        assertThat(link.nextRxHasFramingError()).isFalse();
    }
}
