/**
 * Test fakes: a grant, a process table, RAM, deferred calls, a hand-driven hardware alarm and UART, and a
 * component context.
 *
 * <pre>{@code
 * FakeProcessTable processes = new FakeProcessTable(new FakeMemory(0x2000_0000, 4096));
 * FakeGrant<App> grant = new FakeGrant<>(processes, 1, Console.GRANT_TYPE, Console.UPCALLS,
 *         Console.ALLOW_RO, Console.ALLOW_RW);
 * ProcessId app = processes.spawn();
 * grant.allowReadOnly(app, 1, 0x2000_0000, 5);
 * }</pre>
 */
package org.tock4j.capsules.core.testing;
