package org.tock4j.kernel.core.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.testing.TestMemory;
import org.tock4j.kernel.core.upcall.Upcall;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * The seed's {@code enter_grant_kernel_managed} error codes, each from the process's own answer: a grant it
 * says is not allocated is NOMEM, a process that cannot say is FAIL, a grant it will not enter (already entered)
 * is NOMEM. The standard process never gives these answers once it has found the grant, so a mocked process
 * gives them here; nothing is written and nothing is left entered.
 */
class KernelGrantsTests {
    private static final int DRIVER = 0x99;

    private final Process process = mock(Process.class);
    private final TestMemory memory = new TestMemory();
    private final Upcall upcall = new Upcall(null, new UpcallId(DRIVER, 0), 0, 0x4_0101);

    KernelGrantsTests() {
        when(process.lookupGrantFromDriverNum(DRIVER)).thenReturn(Result.ok(3));
    }

    @Test
    void aGrantTheProcessSaysIsNotAllocatedIsNomem() {
        when(process.grantIsAllocated(3)).thenReturn(Optional.of(false));

        assertThat(KernelGrants.subscribe(process, upcall, memory).unwrapErr().error()).isEqualTo(ErrorCode.NOMEM);
        verify(process, never()).enterGrant(3);
    }

    @Test
    void aProcessThatCannotSayWhetherItsGrantIsAllocatedIsFail() {
        when(process.grantIsAllocated(3)).thenReturn(Optional.empty());

        assertThat(KernelGrants.subscribe(process, upcall, memory).unwrapErr().error()).isEqualTo(ErrorCode.FAIL);
        verify(process, never()).enterGrant(3);
    }

    @Test
    void aGrantTheProcessWillNotEnterIsNomemAndIsNotLeft() {
        when(process.grantIsAllocated(3)).thenReturn(Optional.of(true));
        when(process.enterGrant(3)).thenReturn(Result.err(ProcessError.AlreadyInUse));

        var rejected = KernelGrants.subscribe(process, upcall, memory).unwrapErr();

        assertThat(rejected.error()).isEqualTo(ErrorCode.NOMEM);
        assertThat(rejected.value()).isSameAs(upcall);
        verify(process, never()).leaveGrant(3);
    }
}
