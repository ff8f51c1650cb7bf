package org.tock4j.kernel.platform.mpu;

/**
 * One process's MPU configuration, as the chip's MPU understands it. The kernel keeps it per process and
 * hands it back to the MPU that made it.
 *
 * <p>Tock counterpart: {@code MPU::MpuConfig}.
 */
public interface MpuConfig {

    /** The configured regions, printed as Tock prints an MPU configuration. */
    @Override
    String toString();
}
