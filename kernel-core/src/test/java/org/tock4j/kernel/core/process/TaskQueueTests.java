package org.tock4j.kernel.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.process.ReturnArguments;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.upcall.UpcallId;

/** The task ring: Tock's {@code RingBuffer<Task>} of {@code CALLBACK_LEN} (10) slots, holding 9. */
class TaskQueueTests {
    private static Task task(int n) {
        return new Task.ReturnValue(new ReturnArguments(new UpcallId(1, n % 3), n, 0, 0));
    }

    private static int value(Task t) {
        return ((Task.ReturnValue) t).arguments().argument0();
    }

    private static List<Integer> drain(TaskQueue q) {
        List<Integer> out = new ArrayList<>();
        while (q.hasElements()) {
            out.add(value(q.dequeue().orElseThrow()));
        }
        return out;
    }

    @Test
    void theRingOfTenSlotsHoldsNineTasks() {
        TaskQueue q = new TaskQueue();
        for (int i = 0; i < 9; i++) {
            assertThat(q.enqueue(task(i))).isTrue();
        }

        assertThat(q.enqueue(task(9))).isFalse();
        assertThat(q.len()).isEqualTo(9);
        assertThat(drain(q)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void tasksComeOutInTheOrderTheyWentInAcrossTheWrap() {
        TaskQueue q = new TaskQueue();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 7; i++) {
                q.enqueue(task(round * 10 + i));
            }
            assertThat(drain(q)).containsExactly(round * 10, round * 10 + 1, round * 10 + 2, round * 10 + 3,
                    round * 10 + 4, round * 10 + 5, round * 10 + 6);
        }
        assertThat(q.dequeue()).isEmpty();
    }

    @Test
    void removeFirstMatchingTakesOnlyTheFirstAndKeepsTheOrder() {
        TaskQueue q = new TaskQueue();
        for (int i = 0; i < 3; i++) {
            q.dequeue();
            q.enqueue(task(100));
        }
        q.empty();
        for (int i = 0; i < 8; i++) {
            q.enqueue(task(i));
        }

        assertThat(q.removeFirstMatching(t -> value(t) % 3 == 2).map(TaskQueueTests::value)).contains(2);
        assertThat(q.removeFirstMatching(t -> value(t) > 100)).isEmpty();
        assertThat(drain(q)).containsExactly(0, 1, 3, 4, 5, 6, 7);
    }

    @Test
    void retainKeepsTheAcceptedTasksInOrder() {
        TaskQueue q = new TaskQueue();
        for (int i = 0; i < 5; i++) {
            q.enqueue(task(i));
            q.dequeue();
        }
        for (int i = 0; i < 9; i++) {
            q.enqueue(task(i));
        }

        q.retain(t -> value(t) % 2 == 0);

        assertThat(q.len()).isEqualTo(5);
        assertThat(q.enqueue(task(50))).isTrue();
        assertThat(drain(q)).containsExactly(0, 2, 4, 6, 8, 50);
    }

    @Test
    void emptyDropsEverything() {
        TaskQueue q = new TaskQueue();
        q.enqueue(task(1));
        q.enqueue(task(2));

        q.empty();

        assertThat(q.hasElements()).isFalse();
        assertThat(q.len()).isZero();
    }
}
