package org.tock4j.boards.kit;

import java.util.Optional;

/**
 * A process as the board reports it.
 *
 * @param state Tock's state name: {@code Running}, {@code Yielded}, {@code YieldedFor}, {@code Stopped},
 *     {@code Faulted}, {@code Terminated}
 * @param completionCode the exit code (unsigned 32-bit), if the process completed with one
 * @param fault why the process's code last faulted, if it did
 */
public record ProcessInfo(
        String name,
        int slot,
        int processId,
        String state,
        Optional<Long> completionCode,
        int restarts,
        int syscallCount,
        int droppedUpcallCount,
        int memoryStart,
        int memorySize,
        int appBreak,
        int kernelMemoryBreak,
        int grantsAllocated,
        Optional<String> fault) {}
