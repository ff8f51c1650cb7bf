/** An app for the example beeper capsule: beeps three times and says so on the console. */
module org.example.apps.beep {
    requires org.tock4j.userland;

    provides org.tock4j.userland.App with org.example.apps.beep.Beep;
}
