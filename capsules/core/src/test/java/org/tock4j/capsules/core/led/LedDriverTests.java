package org.tock4j.capsules.core.led;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class LedDriverTests {
    private final Led led0 = mock(Led.class);
    private final Led led1 = mock(Led.class);
    private final ProcessId app = new FakeProcessTable(new FakeMemory(0, 16)).spawn();
    private LedDriver driver;

    @BeforeEach
    void setUp() {
        driver = new LedDriver(List.of(led0, led1));
    }

    @Test
    void creationInitialisesEveryLedAndTurnsItOff() {
        InOrder order = inOrder(led0, led1);
        order.verify(led0).init();
        order.verify(led0).off();
        order.verify(led1).init();
        order.verify(led1).off();
    }

    @Test
    void countReturnsTheNumberOfLeds() {
        assertThat(driver.command(0, 0, 0, app)).isEqualTo(CommandReturn.successU32(2));
    }

    @Test
    void onOffAndToggleDriveTheIndexedLed() {
        clearInvocations(led0, led1);

        assertThat(driver.command(1, 1, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(driver.command(2, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(driver.command(3, 1, 0, app)).isEqualTo(CommandReturn.success());

        verify(led1).on();
        verify(led0).off();
        verify(led1).toggle();
    }

    @Test
    void toggleOfMissingLedIsInval() {
        clearInvocations(led0, led1);

        assertThat(driver.command(3, 2, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verifyNoInteractions(led0, led1);
    }

    @Test
    void onAndOffOfMissingLedAreInvalEvenForIndicesNegativeAsSigned() {
        assertThat(driver.command(1, 7, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        assertThat(driver.command(2, -1, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
    }

    @Test
    void unknownCommandIsNosupport() {
        assertThat(driver.command(4, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void allocateGrantSucceedsWithoutAGrant() {
        assertThat(driver.allocateGrant(app).isOk()).isTrue();
    }

    @Test
    void boardWithoutLedsCountsZero() {
        assertThat(new LedDriver(List.of()).command(0, 0, 0, app)).isEqualTo(CommandReturn.successU32(0));
    }
}
