package org.tock4j.userland.fake;

/** The fake MPU refused an access outside the app's memory, as the real one would fault the process. */
public final class MemoryFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MemoryFault(String message) {
        super(message);
    }
}
