package org.tock4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTests {

    @Test
    void errorCodesCarryTocksNumbers() {
        assertThat(ErrorCode.FAIL.number()).isEqualTo(1);
        assertThat(ErrorCode.BUSY.number()).isEqualTo(2);
        assertThat(ErrorCode.INVAL.number()).isEqualTo(6);
        assertThat(ErrorCode.NOMEM.number()).isEqualTo(9);
        assertThat(ErrorCode.NOSUPPORT.number()).isEqualTo(10);
        assertThat(ErrorCode.NODEVICE.number()).isEqualTo(11);
        assertThat(ErrorCode.NOACK.number()).isEqualTo(13);
    }

    @Test
    void everyNumberMapsBackToItsCode() {
        for (ErrorCode e : ErrorCode.values()) {
            assertThat(ErrorCode.fromNumber(e.number())).isSameAs(e);
            assertThat(ErrorCode.isDefined(e.number())).isTrue();
        }
    }

    @Test
    void numbersTockDoesNotDefineAreFail() {
        assertThat(ErrorCode.fromNumber(0)).isEqualTo(ErrorCode.FAIL);
        assertThat(ErrorCode.fromNumber(14)).isEqualTo(ErrorCode.FAIL);
        assertThat(ErrorCode.isDefined(0)).isFalse();
        assertThat(ErrorCode.isDefined(-1)).isFalse();
    }

    @Test
    void statusCodeIsZeroForSuccessAndTheNumberForAnError() {
        assertThat(ErrorCode.intoStatusCode(Result.ok())).isZero();
        assertThat(ErrorCode.intoStatusCode(Result.err(ErrorCode.BUSY))).isEqualTo(2);
    }
}
