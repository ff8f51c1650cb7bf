/**
 * The JMH benchmarks of tock4j and the generator of its performance report.
 *
 * <pre>
 *   benchmarks (JMH) ──► bench board (nRF52840-DK + bench capsule) ──► apps in batches
 *   PerformanceReport ─ runs every benchmark ─► docs/performance-report.md (figures, targets, machine)
 * </pre>
 *
 * <p>Run with {@code ./tock4j bench}; building only compiles them.
 */
module org.tock4j.benchmarks {
    requires org.tock4j.boards.kit;
    requires org.tock4j.boards.nrf52840dk;
    requires org.tock4j.apps;
    requires com.google.guice;
    requires jmh.core;
    requires java.management;

    exports org.tock4j.benchmarks;
    exports org.tock4j.benchmarks.apps;
    exports org.tock4j.benchmarks.board;
    exports org.tock4j.benchmarks.capsule;

    provides org.tock4j.kernel.component.CapsuleComponent with org.tock4j.benchmarks.capsule.BenchComponent;
}
