package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeConsole;
import org.tock4j.userland.fake.ScriptedSyscalls;

class LibtockTests {

    @Test
    void makingItAndItsDriversMakesNoSystemCall() {
        ScriptedSyscalls sys = new ScriptedSyscalls();
        Libtock tock = new Libtock(sys);

        tock.console();
        tock.alarm();
        tock.leds();
        tock.yields();
        tock.buttons();
        tock.gpio();
        tock.rng();
        tock.temperature();
        tock.lowLevelDebug();

        assertThat(sys.calls()).isEmpty();
    }

    @Test
    void driversAndTheHeapAreMadeOnceAndShared() {
        ScriptedSyscalls sys = new ScriptedSyscalls();
        FakeConsole.install(sys);
        Libtock tock = new Libtock(sys);

        tock.console().write("a");
        int consoleBuffer = tock.heap().allocate(8);

        assertThat(tock.console()).isSameAs(tock.console());
        assertThat(tock.alarm()).isSameAs(tock.alarm());
        assertThat(tock.leds()).isSameAs(tock.leds());
        assertThat(tock.buttons()).isSameAs(tock.buttons());
        assertThat(tock.gpio()).isSameAs(tock.gpio());
        assertThat(tock.rng()).isSameAs(tock.rng());
        assertThat(tock.temperature()).isSameAs(tock.temperature());
        assertThat(tock.lowLevelDebug()).isSameAs(tock.lowLevelDebug());
        assertThat(tock.heap()).isSameAs(tock.heap());
        assertThat(tock.syscalls()).isSameAs(sys);
        assertThat(consoleBuffer).isEqualTo(ScriptedSyscalls.MEMORY_START + Console.DEFAULT_CHUNK_BYTES);
    }
}
