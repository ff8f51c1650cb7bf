/**
 * What every part of tock4j programs against: Tock's kernel interfaces in Java.
 *
 * <pre>
 *   kernel-api ◄── kernel-core (the kernel)      ◄── chips (platform SPIs, HILs)
 *              ◄── capsules (SyscallDriver, grants, HILs, CapsuleComponent)
 * </pre>
 */
module org.tock4j.kernel.api {
    exports org.tock4j.kernel;
    exports org.tock4j.kernel.capabilities;
    exports org.tock4j.kernel.capabilities.issue to
            org.tock4j.kernel.core,
            org.tock4j.boards.kit,
            org.tock4j.testkit;
    exports org.tock4j.kernel.component;
    exports org.tock4j.kernel.debug;
    exports org.tock4j.kernel.deferred;
    exports org.tock4j.kernel.grant;
    exports org.tock4j.kernel.hil.adc;
    exports org.tock4j.kernel.hil.flash;
    exports org.tock4j.kernel.hil.gpio;
    exports org.tock4j.kernel.hil.i2c;
    exports org.tock4j.kernel.hil.led;
    exports org.tock4j.kernel.hil.rng;
    exports org.tock4j.kernel.hil.sensors;
    exports org.tock4j.kernel.hil.spi;
    exports org.tock4j.kernel.hil.time;
    exports org.tock4j.kernel.hil.uart;
    exports org.tock4j.kernel.ipc;
    exports org.tock4j.kernel.platform;
    exports org.tock4j.kernel.platform.mpu;
    exports org.tock4j.kernel.process;
    exports org.tock4j.kernel.processbuffer;
    exports org.tock4j.kernel.scheduler;
    exports org.tock4j.kernel.syscall;
    exports org.tock4j.kernel.upcall;

    uses org.tock4j.kernel.component.CapsuleComponent;
}
