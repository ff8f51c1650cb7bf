/**
 * The memory protection unit SPI: how a chip isolates processes from each other and from the kernel.
 *
 * <pre>{@code
 * MpuConfig config = mpu.newConfig().orElseThrow();
 * mpu.allocateAppMemoryRegion(poolStart, poolSize, minSize, appSize, kernelSize, Permissions.ReadWriteOnly, config);
 * mpu.configureMpu(config);
 * mpu.enableAppMpu();
 * boolean ok = mpu.checkAccess(address, 4, Access.WRITE);
 * }</pre>
 */
package org.tock4j.kernel.platform.mpu;
