package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReturnCodeTests {

    @Test
    void statusCodesAreTocksErrorNumbersAndValuesAreLibtockCsNegatedOnes() {
        assertThat(ReturnCode.SUCCESS.statusCode()).isZero();
        assertThat(ReturnCode.FAIL.statusCode()).isEqualTo(1);
        assertThat(ReturnCode.NOMEM.statusCode()).isEqualTo(9);
        assertThat(ReturnCode.NOACK.statusCode()).isEqualTo(13);
        assertThat(ReturnCode.NOACK.value()).isEqualTo(-13);
        assertThat(ReturnCode.BADRVAL.value()).isEqualTo(-1024);
        for (int n = 0; n <= 13; n++) {
            assertThat(ReturnCode.fromStatusCode(n).statusCode()).isEqualTo(n);
        }
    }

    @Test
    void unknownStatusNumbersAreFail() {
        assertThat(ReturnCode.fromStatusCode(14)).isEqualTo(ReturnCode.FAIL);
        assertThat(ReturnCode.fromStatusCode(-3)).isEqualTo(ReturnCode.FAIL);
        assertThat(ReturnCode.fromStatusCode(1024)).isEqualTo(ReturnCode.FAIL);
    }

    @Test
    void aTockExceptionNeedsAnError() {
        assertThatThrownBy(() -> new TockException(ReturnCode.SUCCESS, "op"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TockException(ReturnCode.BUSY, "Console.write").getMessage())
                .isEqualTo("Console.write failed: BUSY (the underlying system is busy; retry)");
    }
}
