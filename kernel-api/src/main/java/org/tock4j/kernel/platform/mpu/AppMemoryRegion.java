package org.tock4j.kernel.platform.mpu;

/**
 * Where the MPU placed a process's memory: its start and its total size (app memory, free space and grant
 * region together).
 *
 * <p>Tock counterpart: the {@code (*const u8, usize)} of {@code MPU::allocate_app_memory_region}.
 */
public record AppMemoryRegion(int start, int size) {}
