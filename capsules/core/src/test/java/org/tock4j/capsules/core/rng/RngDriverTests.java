package org.tock4j.capsules.core.rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.rng.Continue;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class RngDriverTests {
    private static final int RAM = 0x2000_0000;

    private final FakeMemory memory = new FakeMemory(RAM, 256);
    private final FakeProcessTable processes = new FakeProcessTable(memory);
    private final FakeGrant<App> grant = new FakeGrant<>(processes, 0x40001, RngDriver.GRANT_TYPE,
            RngDriver.UPCALLS, RngDriver.ALLOW_RO, RngDriver.ALLOW_RW);
    private final Rng rng = mock(Rng.class);
    private final ProcessId app = processes.spawn();
    private RngDriver driver;

    @BeforeEach
    void setUp() {
        when(rng.get()).thenReturn(Result.ok());
        driver = new RngDriver(rng, grant);
    }

    private static Iterator<Integer> words(Integer... values) {
        return List.of(values).iterator();
    }

    private byte[] ram(int offset, int length) {
        byte[] out = new byte[length];
        memory.read(RAM + offset, out, 0, length);
        return out;
    }

    @Test
    void rngFillsAllowedBufferAndReportsCount() {
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 8);

        assertThat(driver.command(1, 6, 0, app)).isEqualTo(CommandReturn.success());
        verify(rng).get();
        Continue answer = driver.randomnessAvailable(words(0x04030201, 0x08070605, 0x0c0b0a09), Result.ok());

        assertThat(answer).isEqualTo(Continue.Done);
        assertThat(ram(0, 8)).containsExactly(1, 2, 3, 4, 5, 6, 0, 0);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 6, 0));
    }

    @Test
    void aRequestLongerThanTheBufferIsCappedAtItsLength() {
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 3);

        driver.command(1, 100, 0, app);
        driver.randomnessAvailable(words(0x44332211), Result.ok());

        assertThat(ram(0, 4)).containsExactly(0x11, 0x22, 0x33, 0);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 3, 0));
    }

    @Test
    void tooFewWordsAskForMoreAndTheFillContinuesWhereItStopped() {
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 8);
        driver.command(1, 8, 0, app);

        assertThat(driver.randomnessAvailable(words(0x04030201), Result.ok())).isEqualTo(Continue.More);
        assertThat(grant.upcalls(app)).isEmpty();
        assertThat(driver.randomnessAvailable(words(0x08070605), Result.ok())).isEqualTo(Continue.Done);

        assertThat(ram(0, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 8, 0));
    }

    @Test
    void oneHardwareRequestServesEveryWaitingProcessInProcessOrder() {
        ProcessId other = processes.spawn();
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 4);
        grant.allowReadWrite(other, RngDriver.RW_BUFFER, RAM + 100, 4);
        driver.command(1, 4, 0, other);
        driver.command(1, 4, 0, app);

        driver.randomnessAvailable(words(0x0a0a0a0a, 0x0b0b0b0b), Result.ok());

        verify(rng, times(1)).get();
        assertThat(ram(0, 4)).containsExactly(0x0a, 0x0a, 0x0a, 0x0a);
        assertThat(ram(100, 4)).containsExactly(0x0b, 0x0b, 0x0b, 0x0b);
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 4, 0));
        assertThat(grant.upcalls(other)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 4, 0));
    }

    @Test
    void aProcessStillShortLeavesTheLaterOnesWaiting() {
        ProcessId other = processes.spawn();
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 8);
        grant.allowReadWrite(other, RngDriver.RW_BUFFER, RAM + 100, 4);
        driver.command(1, 8, 0, app);
        driver.command(1, 4, 0, other);

        assertThat(driver.randomnessAvailable(words(1), Result.ok())).isEqualTo(Continue.More);

        assertThat(ram(100, 4)).containsExactly(0, 0, 0, 0);
        assertThat(grant.upcalls(other)).isEmpty();
    }

    @Test
    void theRngIsAskedAgainOnceTheLastRequestWasServed() {
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 4);
        driver.command(1, 4, 0, app);
        driver.randomnessAvailable(words(1), Result.ok());

        driver.command(1, 4, 0, app);

        verify(rng, times(2)).get();
    }

    @Test
    void aBufferSwappedForOneShorterThanTheBytesWrittenEndsTheRequestWithZero() {
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 8);
        driver.command(1, 8, 0, app);
        driver.randomnessAvailable(words(0x04030201), Result.ok());

        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM + 100, 2);
        assertThat(driver.randomnessAvailable(words(5), Result.ok())).isEqualTo(Continue.Done);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 0, 0));
    }

    @Test
    void aRequestWithoutABufferEndsWithZeroBytes() {
        driver.command(1, 4, 0, app);

        assertThat(driver.randomnessAvailable(words(1), Result.ok())).isEqualTo(Continue.Done);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(RngDriver.UPCALL_NUM, 0, 0, 0));
    }

    @Test
    void aRequestForZeroBytesIsNeverAnswered() {
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 4);

        assertThat(driver.command(1, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(driver.randomnessAvailable(words(1), Result.ok())).isEqualTo(Continue.Done);

        assertThat(grant.upcalls(app)).isEmpty();
    }

    @Test
    void aRefusedHardwareRequestLetsTheNextCommandAskAgain() {
        when(rng.get()).thenReturn(Result.err(ErrorCode.FAIL));
        grant.allowReadWrite(app, RngDriver.RW_BUFFER, RAM, 4);
        assertThat(driver.command(1, 4, 0, app)).isEqualTo(CommandReturn.success());

        when(rng.get()).thenReturn(Result.ok());
        driver.command(1, 4, 0, app);

        verify(rng, times(2)).get();
    }

    @Test
    void commandsForADeadProcessAreInvalAndStartNothing() {
        processes.kill(app);

        assertThat(driver.command(1, 4, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verify(rng, times(0)).get();
    }

    @Test
    void existsCommandSucceedsAndUnknownCommandIsNosupport() {
        assertThat(driver.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(driver.command(2, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void allocateGrantAllocatesTheProcessGrant() {
        assertThat(driver.allocateGrant(app).isOk()).isTrue();
        assertThat(grant.isAllocated(app)).isTrue();
    }
}
