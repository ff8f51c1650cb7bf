package org.tock4j.kernel;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of an operation that can fail in an expected way: Rust's {@code Result}, which Tock uses
 * wherever a call may not succeed.
 *
 * <pre>{@code
 * Result<Void, ErrorCode> r = uart.transmitWord(0x41);
 * if (r instanceof Result.Err<Void, ErrorCode>(ErrorCode e)) { ... }
 * }</pre>
 *
 * <p>Expected failures are values of this type; exceptions are kept for kernel invariant violations (Tock's
 * {@code panic!}).
 *
 * @param <T> the success value ({@link Void} when there is none)
 * @param <E> the error value
 */
public sealed interface Result<T, E> {

    /** A success carrying {@code value}. */
    record Ok<T, E>(T value) implements Result<T, E> {}

    /** A failure carrying {@code error}. */
    record Err<T, E>(E error) implements Result<T, E> {
        public Err {
            if (error == null) {
                throw new IllegalArgumentException("an Err needs an error");
            }
        }
    }

    /** {@code Ok(())}. */
    @SuppressWarnings("unchecked")
    static <E> Result<Void, E> ok() {
        return (Result<Void, E>) OkUnit.INSTANCE;
    }

    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default boolean isErr() {
        return this instanceof Err;
    }

    /** The success value; throws {@link IllegalStateException} on an error (Rust's {@code unwrap}). */
    default T unwrap() {
        return switch (this) {
            case Ok<T, E> ok -> ok.value();
            case Err<T, E> err -> throw new IllegalStateException("called unwrap on " + err);
        };
    }

    /** The error; throws {@link IllegalStateException} on a success. */
    default E unwrapErr() {
        return switch (this) {
            case Ok<T, E> ok -> throw new IllegalStateException("called unwrapErr on " + ok);
            case Err<T, E> err -> err.error();
        };
    }

    default T unwrapOr(T fallback) {
        return this instanceof Ok<T, E> ok ? ok.value() : fallback;
    }

    default T unwrapOrElse(Supplier<? extends T> fallback) {
        return this instanceof Ok<T, E> ok ? ok.value() : fallback.get();
    }

    default <U> Result<U, E> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T, E> ok -> new Ok<>(f.apply(ok.value()));
            case Err<T, E> err -> new Err<>(err.error());
        };
    }

    default <F> Result<T, F> mapErr(Function<? super E, ? extends F> f) {
        return switch (this) {
            case Ok<T, E> ok -> new Ok<>(ok.value());
            case Err<T, E> err -> new Err<>(f.apply(err.error()));
        };
    }

    default <U> Result<U, E> andThen(Function<? super T, Result<U, E>> f) {
        return switch (this) {
            case Ok<T, E> ok -> f.apply(ok.value());
            case Err<T, E> err -> new Err<>(err.error());
        };
    }
}

/** The shared {@code Ok(())}: success without a value allocates nothing. */
final class OkUnit {
    static final Result<Void, ?> INSTANCE = new Result.Ok<>(null);

    private OkUnit() {}
}
