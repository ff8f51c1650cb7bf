package org.tock4j.capsules.core.processconsole;

import java.util.OptionalInt;

/**
 * The commands typed before, newest first, browsed with the up and down arrows.
 *
 * <pre>
 *   cmds[0]   the line being typed (kept so that arrowing back down to it restores it)
 *   cmds[1]   the last command run
 *   cmds[2]   the one before, ...
 * </pre>
 *
 * <p>{@code cmdIdx} is the entry shown; {@code cmdIsModified} says the line shown came from the history and
 * has not been edited yet (the first edit copies it into {@code cmds[0]}).
 *
 * <p>Tock counterpart: {@code capsules_core::process_console::CommandHistory}.
 */
final class CommandHistory {
    private final Command[] cmds;
    int cmdIdx;
    boolean cmdIsModified;

    CommandHistory(int length) {
        cmds = new Command[length];
        for (int i = 0; i < length; i++) {
            cmds[i] = new Command();
        }
    }

    int length() {
        return cmds.length;
    }

    Command get(int index) {
        return cmds[index];
    }

    /** Records a command just run, unless it repeats the last one; the line being typed starts empty. */
    void makeSpace(byte[] command) {
        if (!cmds[1].sameText(command)) {
            Command oldest = cmds[cmds.length - 1];
            System.arraycopy(cmds, 0, cmds, 1, cmds.length - 1);
            cmds[0] = oldest;
            cmds[0].clear();
            cmds[1].write(command);
        }
    }

    /** The line being typed becomes {@code command}. */
    void writeToFirst(byte[] command) {
        cmds[0].write(command);
    }

    /** Moves to the next older entry, if there is one; its index. */
    OptionalInt nextCmdIdx() {
        if (cmdIdx + 1 >= cmds.length || cmds[cmdIdx + 1].len() == 0) {
            return OptionalInt.empty();
        }
        cmdIdx++;
        return OptionalInt.of(cmdIdx);
    }

    /** Moves to the next newer entry, if there is one; its index. */
    OptionalInt prevCmdIdx() {
        if (cmdIdx == 0) {
            return OptionalInt.empty();
        }
        cmdIdx--;
        return OptionalInt.of(cmdIdx);
    }
}
