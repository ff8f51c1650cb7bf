package org.tock4j.apps;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Alarm;
import org.tock4j.userland.libtock.Console;
import org.tock4j.userland.libtock.Libtock;
import org.tock4j.userland.libtock.Temperature;

/**
 * Reads the temperature sensor every {@value #INTERVAL_MS} ms, forever, and prints each reading as
 * {@code "Temperature: <degrees> C\r\n"}: the hundredths of a degree Celsius the driver returns written as
 * degrees with exactly two decimals and a minus sign below zero, e.g. {@code "Temperature: 23.25 C"},
 * {@code "Temperature: -0.05 C"}. A board without the temperature driver gets the single line
 * {@value #NO_SENSOR} (then the app returns).
 *
 * <p>libtock-c counterpart: {@code examples/sensors} (which samples every sensor the board has).
 */
public final class Sensors implements App {

    /** The time between readings. */
    public static final int INTERVAL_MS = 1000;

    /** What the app prints on a board without a temperature sensor. */
    public static final String NO_SENSOR = "No temperature sensor.\r\n";

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public void main(Syscalls sys) {
        Libtock tock = new Libtock(sys);
        Temperature temperature = tock.temperature();
        Console console = tock.console();
        Alarm alarm = tock.alarm();
        if (!temperature.exists()) {
            console.write(NO_SENSOR);
            return;
        }
        while (true) {
            console.write(line(temperature.read()));
            alarm.delayMs(INTERVAL_MS);
        }
    }

    /** The line printed for a reading of {@code hundredths} of a degree Celsius. */
    static String line(int hundredths) {
        long magnitude = Math.abs((long) hundredths);
        String fraction = Long.toString(magnitude % 100);
        return "Temperature: " + (hundredths < 0 ? "-" : "") + magnitude / 100 + "."
                + (fraction.length() == 1 ? "0" + fraction : fraction) + " C\r\n";
    }
}
