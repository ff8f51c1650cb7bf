package org.tock4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boots a board for each test and hands it to the test as a {@link TestBoard} parameter; the board is shut
 * down after the test.
 *
 * <pre>{@code
 * @TockBoard(value = "nrf52840dk", apps = "hello")
 * class HelloTests {
 *     @Test
 *     void printsHelloWorld(TestBoard board) {
 *         board.runFor(Duration.ofMillis(100));
 *         assertThat(board.console().text()).isEqualTo("Hello World!\r\n");
 *     }
 * }
 * }</pre>
 *
 * <p>On a method it overrides the class's annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TockExtension.class)
public @interface TockBoard {

    /** The board's name, as discovery finds it. */
    String value() default "nrf52840dk";

    /** The apps to run, by name, in order; empty for the board's default apps. */
    String[] apps() default {};

    /** The seed of the board's randomness. */
    long seed() default 0;
}
