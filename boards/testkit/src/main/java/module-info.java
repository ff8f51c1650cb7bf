/**
 * The testkit: a JUnit 5 extension and views for board-level tests, published for users.
 *
 * <pre>
 *   @TockBoard(...) ──► TockExtension ──► Board.boot ──► TestBoard (runFor, console, led, processes)
 * </pre>
 */
module org.tock4j.testkit {
    requires transitive org.tock4j.boards.kit;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    requires transitive org.assertj.core;

    exports org.tock4j.testkit;
}
