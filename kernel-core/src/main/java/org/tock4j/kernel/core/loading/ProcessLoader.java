package org.tock4j.kernel.core.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.process.ProcessFaultPolicy;
import org.tock4j.kernel.core.process.ProcessLoadError;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.process.UserspaceKernelBoundary;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.ShortId;

/**
 * Finds the TBF binaries in the app flash region and creates a process for each, in order, until the process
 * slots or the binaries run out.
 *
 * <pre>
 *   app flash: [ hello.tbf │ blink.tbf │ padding │ broken.tbf │ 0xFF ... ]
 *                 ▼            ▼          skip       skip (reason)  end
 *   app RAM:   [ hello's memory │ blink's memory │ free ... ]
 * </pre>
 *
 * <p>A binary that cannot be used is skipped with its reason; one that does not fit in RAM is reported and the
 * rest still load. Erased flash, or a binary that claims more flash than it has, ends the search, as in Tock.
 * Nothing here throws for bad input.
 *
 * <p>Tock counterpart: {@code kernel::process_loading::load_processes} and {@code discover_process_binary},
 * {@code ProcessBinary::create}.
 */
public final class ProcessLoader {
    /** The kernel version binaries are checked against. */
    public static final int KERNEL_MAJOR_VERSION = 2;
    public static final int KERNEL_MINOR_VERSION = 1;

    /** Makes the architecture side of a process for a binary; empty if there is no code to run it. */
    @FunctionalInterface
    public interface BoundaryFactory {
        Optional<UserspaceKernelBoundary> create(TbfHeader header, int flashStart, int flashLength);
    }

    /** What happened to one binary. */
    public sealed interface Outcome {
        int flashStart();

        record Loaded(int flashStart, ProcessStandard process) implements Outcome {}

        record Skipped(int flashStart, ProcessBinaryError error) implements Outcome {}

        record NotLoaded(int flashStart, String packageName, ProcessLoadError error) implements Outcome {}
    }

    private ProcessLoader() {}

    /**
     * Loads processes from {@code [flashStart, flashStart + flashLength)} into RAM {@code [memoryStart,
     * memoryStart + memoryLength)}; returns what happened to each binary, in flash order.
     */
    public static List<Outcome> loadProcesses(Kernel kernel, Chip chip, int flashStart, int flashLength,
            int memoryStart, int memoryLength, ProcessFaultPolicy faultPolicy, BoundaryFactory boundaries,
            ProcessManagementCapability capability) {
        if (capability == null) {
            throw new IllegalArgumentException("loading processes needs a ProcessManagementCapability");
        }
        PhysicalMemory memory = chip.memory();
        List<Outcome> outcomes = new ArrayList<>();
        int remainingFlash = flashStart;
        long remainingFlashLength = Integer.toUnsignedLong(flashLength);
        int remainingMemory = memoryStart;
        int remainingMemoryLength = memoryLength;
        int index = 0;
        while (index < kernel.processSlots()) {
            if (remainingFlashLength < 8) {
                break;
            }
            byte[] first8 = new byte[8];
            memory.read(remainingFlash, first8, 0, 8);
            var lengths = TbfParser.parseTbfHeaderLengths(first8);
            int appLength;
            int headerLength;
            int version;
            if (lengths.isOk()) {
                appLength = lengths.unwrap().totalSize();
                headerLength = lengths.unwrap().headerSize();
                version = lengths.unwrap().version();
            } else if (lengths.unwrapErr() instanceof TbfParseError.InvalidHeader invalid) {
                appLength = invalid.totalSize();
                headerLength = 0;
                version = 0;
            } else {
                break; // No header: no more processes.
            }
            if (appLength <= 0 || Integer.toUnsignedLong(appLength) > remainingFlashLength) {
                outcomes.add(new Outcome.Skipped(remainingFlash, new ProcessBinaryError.NotEnoughFlash()));
                break;
            }
            int binaryStart = remainingFlash;
            remainingFlash += appLength;
            remainingFlashLength -= Integer.toUnsignedLong(appLength);

            Result<TbfHeader, ProcessBinaryError> binary = processBinary(memory, binaryStart, appLength,
                    headerLength, version);
            if (binary.isErr()) {
                outcomes.add(new Outcome.Skipped(binaryStart, binary.unwrapErr()));
                if (binary.unwrapErr() instanceof ProcessBinaryError.NotEnoughFlash) {
                    break; // As Tock: a binary that overruns its flash ends the search for processes.
                }
                continue;
            }
            TbfHeader header = binary.unwrap();
            Optional<UserspaceKernelBoundary> boundary = boundaries.create(header, binaryStart, appLength);
            if (boundary.isEmpty()) {
                outcomes.add(new Outcome.NotLoaded(binaryStart, header.packageName(),
                        new ProcessLoadError.NoCodeForBinary(header.packageName())));
                continue;
            }
            var created = ProcessStandard.create(kernel, chip, header, binaryStart, appLength, remainingMemory,
                    remainingMemoryLength, faultPolicy, boundary.get(), ShortId.LOCALLY_UNIQUE, index);
            if (created.isErr()) {
                outcomes.add(new Outcome.NotLoaded(binaryStart, header.packageName(), created.unwrapErr()));
                continue;
            }
            ProcessStandard.Created c = created.unwrap();
            remainingMemory = c.remainingMemoryStart();
            remainingMemoryLength = c.remainingMemoryLength();
            kernel.setProcess(index, c.process(), Capability.externalProcess());
            outcomes.add(new Outcome.Loaded(binaryStart, c.process()));
            index++;
        }
        return outcomes;
    }

    /** Tock's {@code ProcessBinary::create}: parse and check one binary's header. */
    static Result<TbfHeader, ProcessBinaryError> processBinary(PhysicalMemory memory, int start, int appLength,
            int headerLength, int version) {
        if (headerLength == 0 || headerLength > appLength) {
            return Result.err(new ProcessBinaryError.TbfHeaderParseFailure(
                    new TbfParseError.InvalidHeader(appLength)));
        }
        byte[] headerBytes = new byte[headerLength];
        memory.read(start, headerBytes, 0, headerLength);
        Result<TbfHeader, TbfParseError> parsed = TbfParser.parseTbfHeader(headerBytes, version);
        if (parsed.isErr()) {
            return Result.err(new ProcessBinaryError.TbfHeaderParseFailure(parsed.unwrapErr()));
        }
        TbfHeader header = parsed.unwrap();
        if (!header.isApp()) {
            return Result.err(new ProcessBinaryError.Padding());
        }
        if (!header.enabled()) {
            return Result.err(new ProcessBinaryError.NotEnabledProcess());
        }
        if (header.kernelVersion().isPresent()) {
            TbfHeader.KernelVersion v = header.kernelVersion().get();
            if (v.major() != KERNEL_MAJOR_VERSION || KERNEL_MINOR_VERSION < v.minor()) {
                return Result.err(new ProcessBinaryError.IncompatibleKernelVersion(v.major(), v.minor(), true));
            }
        } else {
            return Result.err(new ProcessBinaryError.IncompatibleKernelVersion(0, 0, false));
        }
        if (Integer.compareUnsigned(header.binaryEnd(), appLength) > 0) {
            return Result.err(new ProcessBinaryError.NotEnoughFlash());
        }
        Optional<Integer> fixedFlash = header.fixedAddressFlash();
        if (fixedFlash.isPresent()) {
            int actual = start + header.protectedSize();
            if (actual != fixedFlash.get()) {
                return Result.err(new ProcessBinaryError.IncorrectFlashAddress(actual, fixedFlash.get()));
            }
        }
        return Result.ok(header);
    }
}
