package org.tock4j.kernel.platform.mpu;

/** The kind of a memory access the MPU checks. */
public enum Access {
    READ,
    WRITE,
    EXECUTE
}
