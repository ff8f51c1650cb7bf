package org.tock4j.kernel.process;

/**
 * What a process's TBF permissions say about the commands of one driver.
 *
 * <p>Tock counterpart: {@code tock_tbf::types::CommandPermissions}.
 */
public sealed interface CommandPermissions {

    CommandPermissions NO_PERMS_AT_ALL = new NoPermsAtAll();
    CommandPermissions NO_PERMS_THIS_DRIVER = new NoPermsThisDriver();

    /** The process declares no permissions: everything is allowed. */
    record NoPermsAtAll() implements CommandPermissions {}

    /** The process declares permissions, none for this driver. */
    record NoPermsThisDriver() implements CommandPermissions {}

    /** The allowed commands {@code 64 * offset .. 64 * offset + 63} of this driver, one bit each. */
    record Mask(long allowed) implements CommandPermissions {}
}
