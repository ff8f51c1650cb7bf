package org.tock4j.kernel.core.process;

/**
 * Why a process could not be created from its binary.
 *
 * <p>Tock counterpart: {@code kernel::process::ProcessLoadError}.
 */
public sealed interface ProcessLoadError {

    ProcessLoadError NotEnoughMemory = new Simple("NotEnoughMemory",
            "not enough RAM left in the app memory pool for this process");
    ProcessLoadError MpuInvalidFlashLength = new Simple("MpuInvalidFlashLength",
            "the process's flash cannot be covered by one MPU region (size or alignment)");
    ProcessLoadError MpuConfigurationError = new Simple("MpuConfigurationError",
            "the MPU could not provide a configuration for the process");
    ProcessLoadError InternalError = new Simple("InternalError",
            "the process's saved state could not be initialised");

    /** A short name, as Tock's Debug output. */
    String name();

    /** What went wrong, for a person. */
    String description();

    static ProcessLoadError memoryAddressMismatch(int actualAddress, int expectedAddress) {
        return new MemoryAddressMismatch(actualAddress, expectedAddress);
    }

    record Simple(String name, String description) implements ProcessLoadError {}

    /** The process was linked for a fixed RAM address it cannot get. */
    record MemoryAddressMismatch(int actualAddress, int expectedAddress) implements ProcessLoadError {
        @Override
        public String name() {
            return "MemoryAddressMismatch";
        }

        @Override
        public String description() {
            return String.format("the process needs RAM at %#010x but the next free RAM is at %#010x",
                    expectedAddress, actualAddress);
        }
    }

    /** No code can be found to run this binary (no JVM app of that package name). */
    record NoCodeForBinary(String packageName) implements ProcessLoadError {
        @Override
        public String name() {
            return "NoCodeForBinary";
        }

        @Override
        public String description() {
            return "no app named '" + packageName + "' is available to run this binary";
        }
    }
}
