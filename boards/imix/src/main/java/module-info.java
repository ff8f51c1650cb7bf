/**
 * The imix board: its Guice module and its descriptor for discovery.
 */
module org.tock4j.boards.imix {
    requires org.tock4j.boards.kit;
    requires org.tock4j.chips.sam4l;
    requires org.tock4j.capsules.core;
    requires com.google.guice;

    exports org.tock4j.boards.imix;
    opens org.tock4j.boards.imix to com.google.guice;

    provides org.tock4j.boards.kit.BoardDefinition with org.tock4j.boards.imix.ImixBoard;
    provides org.tock4j.boards.kit.ChipSupport with org.tock4j.boards.imix.Sam4lSupport;
}
