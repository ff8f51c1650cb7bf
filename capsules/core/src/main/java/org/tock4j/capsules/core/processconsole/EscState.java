package org.tock4j.capsules.core.processconsole;

/**
 * Where the console is in reading an ANSI escape sequence: the arrows, Home, End and Delete arrive as
 * {@code ESC [ A}, {@code ESC [ 3 ~} and so on, one byte at a time.
 *
 * <pre>
 *   Bypass ──ESC──► Started ──'['──► Bracket ──A B C D H F──► Complete(key)
 *     │                                 └──'3'──► Bracket3 ──'~'──► Complete(Delete)
 *     └──DEL (0x7F)──► Complete(Delete)
 *   anything unexpected ──► Unrecognized, until a letter or '~' ──► UnrecognizedDone
 * </pre>
 *
 * <p>Tock counterpart: {@code capsules_core::process_console::EscState}.
 */
sealed interface EscState {

    EscState BYPASS = new Bypass();
    EscState STARTED = new Started();
    EscState BRACKET = new Bracket();
    EscState BRACKET3 = new Bracket3();
    EscState UNRECOGNIZED = new Unrecognized();
    EscState UNRECOGNIZED_DONE = new UnrecognizedDone();

    /** An ordinary byte: no sequence under way. */
    record Bypass() implements EscState {}

    /** A sequence ended with a key the console acts on. */
    record Complete(EscKey key) implements EscState {}

    /** {@code ESC} arrived. */
    record Started() implements EscState {}

    /** {@code ESC [} arrived. */
    record Bracket() implements EscState {}

    /** {@code ESC [ 3} arrived. */
    record Bracket3() implements EscState {}

    /** A sequence the console does not know; it ends with a letter or {@code ~}. */
    record Unrecognized() implements EscState {}

    /** An unknown sequence just ended. */
    record UnrecognizedDone() implements EscState {}

    /** The state after {@code data}. */
    default EscState nextState(byte data) {
        boolean outside = this instanceof Bypass || this instanceof UnrecognizedDone || this instanceof Complete;
        if (outside) {
            if (data == ProcessConsole.ESC) {
                return STARTED;
            }
            // ASCII DEL is the Delete key, as the escape sequence is.
            if (data == ProcessConsole.DEL) {
                return new Complete(EscKey.Delete);
            }
            return BYPASS;
        }
        if (this instanceof Started && data == '[') {
            return BRACKET;
        }
        if (this instanceof Bracket) {
            switch (data) {
                case 'A' -> {
                    return new Complete(EscKey.Up);
                }
                case 'B' -> {
                    return new Complete(EscKey.Down);
                }
                case 'D' -> {
                    return new Complete(EscKey.Left);
                }
                case 'C' -> {
                    return new Complete(EscKey.Right);
                }
                case 'H' -> {
                    return new Complete(EscKey.Home);
                }
                case 'F' -> {
                    return new Complete(EscKey.End);
                }
                case '3' -> {
                    return BRACKET3;
                }
                default -> {
                    // Not a key the console knows: handled below.
                }
            }
        }
        if (this instanceof Bracket3 && data == '~') {
            return new Complete(EscKey.Delete);
        }
        return isTerminator(data) ? UNRECOGNIZED_DONE : UNRECOGNIZED;
    }

    /** In the middle of a sequence: after {@code ESC [} or {@code ESC [ 3}. */
    default boolean inProgress() {
        return this instanceof Bracket || this instanceof Bracket3;
    }

    /** Just after {@code ESC}. */
    default boolean hasStarted() {
        return this instanceof Started;
    }

    private static boolean isTerminator(byte data) {
        return (data >= 'A' && data <= 'Z') || (data >= 'a' && data <= 'z') || data == '~';
    }
}
