package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeConsole;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class HelloTests {

    @Test
    void helloIsTheTbfPackageName() {
        assertThat(new Hello().name()).isEqualTo("hello");
    }

    @Test
    void helloWritesExactlyHelloWorldInOnePutstrThenReturns() {
        ScriptedSyscalls sys = new ScriptedSyscalls();
        FakeConsole console = FakeConsole.install(sys);

        new Hello().main(sys);

        assertThat(console.output()).isEqualTo("Hello World!\r\n");
        assertThat(sys.calls(Syscall.Kind.COMMAND)).containsExactly(Syscall.command(1, 1, 14, 0));
        assertThat(sys.calls(Syscall.Kind.YIELD)).containsExactly(Syscall.yield(1, 0, 0));
        assertThat(sys.pendingUpcalls()).isZero();
    }
}
