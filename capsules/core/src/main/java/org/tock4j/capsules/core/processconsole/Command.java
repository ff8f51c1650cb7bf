package org.tock4j.capsules.core.processconsole;

import java.util.Arrays;

/**
 * One line of the command history: a {@value ProcessConsole#COMMAND_BUF_LEN}-byte buffer whose text ends at the
 * first {@code 0} byte, and that text's length.
 *
 * <p>Tock counterpart: {@code capsules_core::process_console::Command}.
 */
final class Command {
    private final byte[] buf = new byte[ProcessConsole.COMMAND_BUF_LEN];
    private int len;

    int len() {
        return len;
    }

    byte byteAt(int index) {
        return buf[index];
    }

    /** Copies a whole command buffer; the length is up to its first {@code 0} byte. */
    void write(byte[] command) {
        System.arraycopy(command, 0, buf, 0, buf.length);
        len = buf.length;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == ProcessConsole.EOL) {
                len = i;
                break;
            }
        }
    }

    /** Inserts {@code value} at {@code position}, moving the rest of the text one place right. */
    void insertByte(byte value, int position) {
        for (int i = len - 1; i >= position; i--) {
            if (i + 1 < buf.length) {
                buf[i + 1] = buf[i];
            }
        }
        if (position < buf.length) {
            buf[position] = value;
            len++;
        }
    }

    /** Removes the byte at {@code position}, moving the rest of the text one place left. */
    void deleteByte(int position) {
        if (len == 0) {
            return;
        }
        for (int i = position; i < len && i + 1 < buf.length; i++) {
            buf[i] = buf[i + 1];
        }
        buf[len - 1] = ProcessConsole.EOL;
        len--;
    }

    void clear() {
        Arrays.fill(buf, ProcessConsole.EOL);
        len = 0;
    }

    /** Whether {@code command} holds the same text: compared up to where both have a {@code 0} byte. */
    boolean sameText(byte[] command) {
        for (int i = 0; i < buf.length && i < command.length; i++) {
            if (buf[i] == ProcessConsole.EOL && command[i] == ProcessConsole.EOL) {
                return true;
            }
            if (buf[i] != command[i]) {
                return false;
            }
        }
        return true;
    }
}
