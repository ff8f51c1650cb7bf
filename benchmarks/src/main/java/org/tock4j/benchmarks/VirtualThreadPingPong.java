package org.tock4j.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * The floor of any CPU handoff between two threads: two virtual threads pass a token back and forth with
 * {@link LockSupport#park}/{@link LockSupport#unpark}, as the kernel and a process pass the board's CPU. One
 * round is two handoffs (there and back).
 *
 * <pre>{@code
 * try (VirtualThreadPingPong pingPong = new VirtualThreadPingPong()) {
 *     pingPong.rounds(1000);    // 2000 handoffs between "ping" and "pong"
 * }
 * }</pre>
 */
public final class VirtualThreadPingPong implements AutoCloseable {
    private volatile Thread owner;
    private volatile boolean closed;
    private int rounds;
    private Thread caller;
    private final Thread ping;
    private final Thread pong;

    /** Starts the two threads, both parked. */
    public VirtualThreadPingPong() {
        pong = Thread.ofVirtual().name("pong").unstarted(this::pongLoop);
        ping = Thread.ofVirtual().name("ping").unstarted(this::pingLoop);
        pong.start();
        ping.start();
    }

    /** Plays {@code count} rounds and returns when they are over. */
    public void rounds(int count) {
        rounds = count;
        caller = Thread.currentThread();
        transferTo(ping);
    }

    private void pingLoop() {
        while (true) {
            awaitOwnership();
            if (closed) {
                return;
            }
            for (int i = rounds; i > 0; i--) {
                transferTo(pong);
            }
            giveTo(caller);
        }
    }

    private void pongLoop() {
        while (true) {
            awaitOwnership();
            if (closed) {
                return;
            }
            giveTo(ping);
        }
    }

    private void transferTo(Thread to) {
        giveTo(to);
        awaitOwnership();
    }

    private void giveTo(Thread to) {
        owner = to;
        LockSupport.unpark(to);
    }

    private void awaitOwnership() {
        Thread me = Thread.currentThread();
        while (owner != me && !closed) {
            LockSupport.park(this);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(ping);
        LockSupport.unpark(pong);
    }
}
