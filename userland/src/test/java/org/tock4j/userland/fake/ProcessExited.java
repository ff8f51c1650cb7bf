package org.tock4j.userland.fake;

/** Thrown by a valid {@code exit}: the process ends here. */
public final class ProcessExited extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int which;
    private final int completionCode;

    public ProcessExited(int which, int completionCode) {
        super((which == 0 ? "exit-terminate" : "exit-restart") + " with completion code " + completionCode);
        this.which = which;
        this.completionCode = completionCode;
    }

    public int which() {
        return which;
    }

    public int completionCode() {
        return completionCode;
    }
}
