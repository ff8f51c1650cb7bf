/**
 * A scripted fake kernel for unit tests of apps and libtock drivers (test code only, shipped in the test jar).
 *
 * <pre>{@code
 * var sys = new ScriptedSyscalls();
 * FakeConsole console = FakeConsole.install(sys);
 * new Hello().main(sys);
 * assertThat(console.output()).isEqualTo("Hello World!\r\n");
 * assertThat(sys.calls()).contains(Syscall.command(1, 1, 14, 0));
 * }</pre>
 */
package org.tock4j.userland.fake;
