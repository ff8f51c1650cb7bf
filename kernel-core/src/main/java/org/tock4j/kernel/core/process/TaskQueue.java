package org.tock4j.kernel.core.process;

import java.util.Optional;
import java.util.function.Predicate;

import org.tock4j.kernel.process.Task;

/**
 * A process's pending tasks: a ring buffer of {@link #SLOTS} slots that holds one fewer, as Tock's.
 *
 * <p>Tock counterpart: {@code kernel::collections::ring_buffer::RingBuffer<Task>} of
 * {@code ProcessStandard::CALLBACK_LEN}.
 */
final class TaskQueue {
    /** Tock's {@code CALLBACK_LEN}: the ring's slots; it holds {@code SLOTS - 1} tasks. */
    static final int SLOTS = 10;

    private final Task[] ring = new Task[SLOTS];
    private int head;
    private int tail;

    boolean hasElements() {
        return head != tail;
    }

    int len() {
        return (tail - head + SLOTS) % SLOTS;
    }

    /** Adds at the tail; false if full. */
    boolean enqueue(Task task) {
        if ((tail + 1) % SLOTS == head) {
            return false;
        }
        ring[tail] = task;
        tail = (tail + 1) % SLOTS;
        return true;
    }

    Optional<Task> dequeue() {
        if (head == tail) {
            return Optional.empty();
        }
        Task t = ring[head];
        ring[head] = null;
        head = (head + 1) % SLOTS;
        return Optional.of(t);
    }

    /** Removes and returns the first task matching; the rest keep their order. */
    Optional<Task> removeFirstMatching(Predicate<Task> matches) {
        int n = len();
        for (int i = 0; i < n; i++) {
            int idx = (head + i) % SLOTS;
            if (matches.test(ring[idx])) {
                Task found = ring[idx];
                for (int j = i; j < n - 1; j++) {
                    ring[(head + j) % SLOTS] = ring[(head + j + 1) % SLOTS];
                }
                tail = (tail - 1 + SLOTS) % SLOTS;
                ring[tail] = null;
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Keeps only the tasks {@code keep} accepts, in order. */
    void retain(Predicate<Task> keep) {
        int n = len();
        Task[] kept = new Task[SLOTS];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Task t = ring[(head + i) % SLOTS];
            if (keep.test(t)) {
                kept[k++] = t;
            }
        }
        java.util.Arrays.fill(ring, null);
        System.arraycopy(kept, 0, ring, 0, k);
        head = 0;
        tail = k;
    }

    void empty() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        tail = 0;
    }
}
