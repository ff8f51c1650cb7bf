package org.tock4j.kernel.platform.mpu;

/**
 * A contiguous memory region: start address and size in bytes.
 *
 * <p>Tock counterpart: {@code kernel::platform::mpu::Region}.
 */
public record Region(int startAddress, int size) {}
