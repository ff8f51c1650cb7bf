package org.tock4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.tock4j.userland.App;

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
 * <p>The board is named one way: by name ({@code value}), as a Guice module ({@code module}) or as a board file
 * ({@code boardFile = "../examples/boards/two-led-nrf52840.yaml"}); giving two is an error. On a method the
 * annotation overrides the class's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TockExtension.class)
public @interface TockBoard {

    /**
     * The board's name, as discovery finds it; without it (and without {@link #module()} or
     * {@link #boardFile()}) the board is {@code nrf52840dk}. Name the board one way only.
     */
    String value() default "";

    /**
     * A board file (YAML, see the README's board file schema) to boot instead of a board by name; the path is
     * resolved against the working directory (a Maven module's directory under Surefire).
     */
    String boardFile() default "";

    /** The apps to run, by name, in order; empty for the board's default apps. */
    String[] apps() default {};

    /** Apps given as classes (public no-argument constructor), run after the named ones. */
    Class<? extends App>[] appClasses() default {};

    /** Jars whose apps run after the others (paths relative to the working directory). */
    String[] appJars() default {};

    /**
     * A Guice module that is the board (it binds what {@link org.tock4j.boards.kit.BoardDefinition} says a board
     * binds), used instead of a board by name; it needs a public no-argument constructor.
     */
    Class<? extends com.google.inject.Module> module() default com.google.inject.Module.class;

    /** The seed of the board's randomness; a failing test reports it. */
    long seed() default 0;

    /** Keep the system call trace ({@link TestBoard#syscalls()}); on by default in tests. */
    boolean recordSyscalls() default true;

    /** Overrides the board's fault policy: {@code panic}, {@code stop} or {@code restart}; empty keeps it. */
    String faultPolicy() default "";
}
