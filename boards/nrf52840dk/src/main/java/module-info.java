/**
 * The nRF52840-DK board: its Guice module and its descriptor for discovery.
 */
module org.tock4j.boards.nrf52840dk {
    requires org.tock4j.boards.kit;
    requires org.tock4j.chips.nrf52;
    requires org.tock4j.capsules.core;
    requires com.google.guice;

    exports org.tock4j.boards.nrf52840dk;
    opens org.tock4j.boards.nrf52840dk to com.google.guice;

    provides org.tock4j.boards.kit.BoardDefinition with org.tock4j.boards.nrf52840dk.Nrf52840dkBoard;
    provides org.tock4j.boards.kit.ChipSupport with org.tock4j.boards.nrf52840dk.Nrf52840Support;
}
