package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.Registers;

class SyscallReturnsTests {

    @Test
    void eachFailureVariantReportsTheErrorCodeInR1() {
        for (int variant = Registers.FAILURE; variant <= Registers.FAILURE_U64; variant++) {
            Registers r = new Registers(variant, 9, 77, 88);
            assertThatThrownBy(() -> SyscallReturns.expectSuccess(r, "op"))
                    .isInstanceOfSatisfying(TockException.class, e -> {
                        assertThat(e.returnCode()).isEqualTo(ReturnCode.NOMEM);
                        assertThat(e.operation()).isEqualTo("op");
                    });
            assertThat(SyscallReturns.toReturnCode(r)).isEqualTo(ReturnCode.NOMEM);
        }
    }

    @Test
    void anErrorNumberTockDoesNotDefineIsFail() {
        assertThat(SyscallReturns.toReturnCode(new Registers(Registers.FAILURE, 99, 0, 0))).isEqualTo(ReturnCode.FAIL);
    }

    @Test
    void aSuccessInAnotherVariantThanExpectedIsBadrval() {
        Registers successU32 = new Registers(Registers.SUCCESS_U32, 5, 0, 0);

        assertThatThrownBy(() -> SyscallReturns.expectSuccess(successU32, "op"))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.BADRVAL));
        assertThatThrownBy(() -> SyscallReturns.expectSuccessU32(new Registers(Registers.SUCCESS, 0, 0, 0), "op"))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.BADRVAL));
        assertThat(SyscallReturns.toReturnCode(new Registers(64, 0, 0, 0))).isEqualTo(ReturnCode.BADRVAL);
    }

    @Test
    void successValuesComeFromTheirRegistersLowWordFirst() {
        assertThat(SyscallReturns.expectSuccessU32(new Registers(Registers.SUCCESS_U32, -1, 0, 0), "op")).isEqualTo(-1);
        assertThat(SyscallReturns.expectSuccessU64(new Registers(Registers.SUCCESS_U64, 0x8000_0001, 0x2, 0), "op"))
                .isEqualTo(0x2_8000_0001L);
        SyscallReturns.expectSuccessU32U32(new Registers(Registers.SUCCESS_U32_U32, 0, 0, 0), "op");
        SyscallReturns.expectAnySuccess(new Registers(Registers.SUCCESS_U32_U64, 0, 0, 0), "op");
    }

    @Test
    void theFailureMessageNamesTheOperationTheCodeAndTheRegisters() {
        assertThatThrownBy(() -> SyscallReturns.expectSuccess(new Registers(0, 6, 0, 0), "Leds.on", 9))
                .hasMessage("Leds.on(9) failed: INVAL (an invalid parameter was passed) [Registers(0, 0x6, 0x0, 0x0)]");
    }
}
