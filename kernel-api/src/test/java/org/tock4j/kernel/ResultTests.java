package org.tock4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTests {

    @Test
    void okCarriesItsValueThroughMapAndAndThen() {
        Result<Integer, ErrorCode> r = Result.ok(20);
        assertThat(r.map(v -> v + 1).unwrap()).isEqualTo(21);
        assertThat(r.andThen(v -> Result.<String, ErrorCode>ok("v" + v)).unwrap()).isEqualTo("v20");
        assertThat(r.isOk()).isTrue();
        assertThat(r.isErr()).isFalse();
    }

    @Test
    void errSkipsMapAndKeepsItsError() {
        Result<Integer, ErrorCode> r = Result.err(ErrorCode.SIZE);
        assertThat(r.map(v -> v + 1).unwrapErr()).isEqualTo(ErrorCode.SIZE);
        assertThat(r.mapErr(ErrorCode::number).unwrapErr()).isEqualTo(7);
        assertThat(r.unwrapOr(5)).isEqualTo(5);
    }

    @Test
    void unwrappingTheWrongSideFailsFast() {
        assertThatThrownBy(() -> Result.err(ErrorCode.FAIL).unwrap()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Result.ok(1).unwrapErr()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErrNeedsAnError() {
        assertThatThrownBy(() -> Result.err(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void okWithoutValueIsShared() {
        assertThat(Result.<ErrorCode>ok()).isSameAs(Result.<ErrorCode>ok());
    }
}
