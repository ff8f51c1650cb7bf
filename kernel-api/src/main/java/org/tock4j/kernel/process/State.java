package org.tock4j.kernel.process;

import org.tock4j.kernel.upcall.UpcallId;

/**
 * The states a process can be in.
 *
 * <pre>
 *            start ──► Yielded ◄──── yield-wait ───── Running ◄── upcall / return value
 *                        │                               │  ▲
 *                        └─────── task arrives ──────────┘  │
 *                                                            │
 *   Running ── yield-wait-for ──► YieldedFor(id) ── id arrives ┘
 *   any live state ── stop ──► Stopped(previous) ── resume ──► previous
 *   any live state ── fault ──► Faulted          ── exit ──► Terminated
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::process::State} and {@code StoppedState}.
 */
public sealed interface State {

    State RUNNING = new Running();
    State YIELDED = new Yielded();
    State FAULTED = new Faulted();
    State TERMINATED = new Terminated();

    /** The process is running or ready to run when the scheduler picks it. */
    record Running() implements State {}

    /** The process called yield-wait and waits for any upcall. */
    record Yielded() implements State {}

    /** The process called yield-wait-for and waits for exactly one upcall. */
    record YieldedFor(UpcallId upcallId) implements State {}

    /**
     * The process was stopped from outside (the process console); it keeps the state it had, to resume into.
     *
     * @param previous one of {@code Running}, {@code Yielded}, {@code YieldedFor}
     */
    record Stopped(State previous) implements State {
        public Stopped {
            if (!(previous instanceof Running || previous instanceof Yielded || previous instanceof YieldedFor)) {
                throw new IllegalArgumentException("only a live state can be stopped: " + previous);
            }
        }
    }

    /** The process faulted and the fault policy left it so. */
    record Faulted() implements State {}

    /** The process exited (exit-terminate) or was terminated. */
    record Terminated() implements State {}

    /** The state's name as Tock prints it: {@code Running}, {@code Yielded}, {@code YieldedFor}, ... */
    default String tockName() {
        return switch (this) {
            case Running r -> "Running";
            case Yielded y -> "Yielded";
            case YieldedFor y -> "YieldedFor";
            case Stopped s -> "Stopped";
            case Faulted f -> "Faulted";
            case Terminated t -> "Terminated";
        };
    }
}
