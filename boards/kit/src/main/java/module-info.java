/**
 * Board assembly: finds boards, capsules and apps, wires a board with Guice, boots it and runs it on virtual
 * time; also the {@code tock4j} command line.
 *
 * <pre>
 *   BoardDefinition (ServiceLoader) ──► Guice modules ──► BoardPlan + HILs ──► capsules, grants ──► processes
 *                                                                              ──► Board.runFor(...)
 * </pre>
 */
module org.tock4j.boards.kit {
    requires transitive org.tock4j.kernel.api;
    requires transitive org.tock4j.kernel.core;
    requires transitive org.tock4j.userland;
    requires transitive org.tock4j.chips.emulator;
    requires transitive com.google.guice;
    // Guice is an automatic module and declares nothing; it needs jakarta.inject at run time.
    requires jakarta.inject;
    requires info.picocli;
    requires org.yaml.snakeyaml;
    requires org.tock4j.capsules.core;

    exports org.tock4j.boards.kit;
    exports org.tock4j.boards.kit.internal to org.tock4j.testkit;

    opens org.tock4j.boards.kit.cli to info.picocli;

    uses org.tock4j.boards.kit.BoardDefinition;
    uses org.tock4j.boards.kit.ChipSupport;
    uses org.tock4j.kernel.component.CapsuleComponent;
    uses org.tock4j.userland.App;
}
