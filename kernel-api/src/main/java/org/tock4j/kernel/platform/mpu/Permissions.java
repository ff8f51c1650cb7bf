package org.tock4j.kernel.platform.mpu;

/**
 * Access a memory region grants to an unprivileged process.
 *
 * <p>Tock counterpart: {@code kernel::platform::mpu::Permissions}.
 */
public enum Permissions {
    ReadWriteExecute(true, true, true),
    ReadWriteOnly(true, true, false),
    ReadExecuteOnly(true, false, true),
    ReadOnly(true, false, false),
    ExecuteOnly(false, false, true);

    private final boolean read;
    private final boolean write;
    private final boolean execute;

    Permissions(boolean read, boolean write, boolean execute) {
        this.read = read;
        this.write = write;
        this.execute = execute;
    }

    public boolean allows(Access access) {
        return switch (access) {
            case READ -> read;
            case WRITE -> write;
            case EXECUTE -> execute;
        };
    }
}
