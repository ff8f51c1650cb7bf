/**
 * The tock4j kernel: Tock's {@code kernel} crate in Java — grants, the main loop and system calls, the
 * standard process, process loading, schedulers, IPC, deferred calls, and the JVM userspace runtime that plays
 * the architecture.
 *
 * <pre>
 *   boards.kit ──► Kernel.kernelLoopOperation ──► ProcessStandard ──► JvmProcessRuntime ──► App (userland)
 * </pre>
 */
module org.tock4j.kernel.core {
    requires transitive org.tock4j.kernel.api;
    requires transitive org.tock4j.userland;

    exports org.tock4j.kernel.core;
    exports org.tock4j.kernel.core.deferred;
    exports org.tock4j.kernel.core.scheduler;
    exports org.tock4j.kernel.core.process to org.tock4j.boards.kit, org.tock4j.testkit;
    exports org.tock4j.kernel.core.loading to org.tock4j.boards.kit, org.tock4j.testkit;
    exports org.tock4j.kernel.core.runtime to org.tock4j.boards.kit, org.tock4j.testkit;

    // IPC (driver 0x10000) is a capsule like any other: boards find its component "ipc" with ServiceLoader.
    provides org.tock4j.kernel.component.CapsuleComponent with org.tock4j.kernel.core.ipc.IpcComponent;
}
