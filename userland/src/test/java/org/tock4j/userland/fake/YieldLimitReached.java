package org.tock4j.userland.fake;

/** Thrown by a yield beyond the scripted budget: how a test stops an app that loops forever. */
public final class YieldLimitReached extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public YieldLimitReached(int limit) {
        super("the app yielded more than the " + limit + " times the test allowed");
    }
}
