package org.tock4j.capsules.core.processconsole;

import org.tock4j.kernel.process.ProcessId;

/**
 * Where the console is in printing output too long for one transmission: the next piece is printed each time
 * the UART finishes the previous one.
 *
 * <pre>
 *   list                  List(0) ──► List(1) ──► ... ──► Empty (prompt)
 *   process NAME          ProcessPrint(offset) ──► ProcessPrint(next offset) ──► ... ──► Empty (prompt)
 *   kernel                KernelStart ──► KernelMemory ──► KernelProcessMemory(0) ──► ... ──► Empty (prompt)
 * </pre>
 *
 * <p>Tock counterpart: {@code capsules_core::process_console::WriterState}. Tock's kernel states walk the
 * kernel's linker sections ({@code KernelBss} ... {@code KernelText}); tock4j's kernel has none, so its states
 * print what the kernel does know instead.
 */
sealed interface WriterState {

    WriterState EMPTY = new Empty();

    /** Nothing left to print. */
    record Empty() implements WriterState {}

    /** {@code kernel} printed the version line; {@code total} processes are loaded. */
    record KernelStart(int total) implements WriterState {}

    /** Next: why there is no kernel memory map, the grant and process counts, the process memory header. */
    record KernelMemory(int total) implements WriterState {}

    /** Next: the memory of the process at {@code index}. */
    record KernelProcessMemory(int index, int total) implements WriterState {}

    /** Next: the overview of {@code processId} from byte {@code offset}. */
    record ProcessPrint(ProcessId processId, int offset) implements WriterState {}

    /** Next: the {@code list} row of the process at {@code index}; -1 before the first. */
    record List(int index, int total) implements WriterState {}

    /** The state that follows this one once its piece is out. */
    default WriterState next() {
        return switch (this) {
            case KernelStart start -> new KernelMemory(start.total());
            case KernelMemory memory -> memory.total() > 0 ? new KernelProcessMemory(0, memory.total()) : EMPTY;
            case KernelProcessMemory row -> row.index() + 1 >= row.total()
                    ? EMPTY : new KernelProcessMemory(row.index() + 1, row.total());
            case ProcessPrint print -> print;
            case List list -> list.index() + 1 == list.total() ? EMPTY : new List(list.index() + 1, list.total());
            case Empty empty -> empty;
        };
    }
}
