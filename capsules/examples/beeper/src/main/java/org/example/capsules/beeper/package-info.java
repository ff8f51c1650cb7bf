/**
 * A beeper: processes sound a buzzer wired to one pin for a number of milliseconds, one beep at a time.
 *
 * <pre>{@code
 * // userspace (driver 0x90010): beep for 100 ms, then wait for the "done" upcall
 * sys.command(0x90010, 1, 100, 0);                   // Success, or Failure(BUSY) while a beep sounds
 * Registers done = sys.yield(2, 0x90010, 0);         // r0 = 100, the beep's duration in ms
 * }</pre>
 *
 * <p>{@link org.example.capsules.beeper.Beeper} is the capsule (its system call interface is documented
 * there); {@link org.example.capsules.beeper.BeeperComponent} builds it for a board. Nothing here is exported.
 */
package org.example.capsules.beeper;
