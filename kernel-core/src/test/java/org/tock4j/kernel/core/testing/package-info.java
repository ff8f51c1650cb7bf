/**
 * Test fixture for the kernel: a deterministic chip ({@link org.tock4j.kernel.core.testing.TestChip}), a whole
 * board ({@link org.tock4j.kernel.core.testing.TestBoard}), lambda apps, a recording capsule, and a counter on the
 * virtual clock ({@link org.tock4j.kernel.core.testing.TestCounter}) for what measures time (the MLFQ boost).
 *
 * <pre>{@code
 * try (TestBoard board = new TestBoard()) {
 *     TestDriver driver = new TestDriver(board, 0x99, 1, 1, 1);
 *     board.addApp(TestApps.app("a", sys -> sys.command(0x99, 1, 2, 3)));
 *     board.load();
 *     board.runUntil(() -> !driver.calls().isEmpty(), 50);
 * }
 * }</pre>
 */
package org.tock4j.kernel.core.testing;
