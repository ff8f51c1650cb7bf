package org.tock4j.benchmarks.capsule;

import java.util.List;

import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "bench"} capsule ({@link BenchDriver}) and hands it to the board's {@link BenchDriverHandle},
 * through which a benchmark reaches it from the host.
 *
 * <p>Tock counterpart: a component in {@code boards/components}.
 */
public final class BenchComponent implements CapsuleComponent {
    /** The name board plans use. */
    public static final String NAME = "bench";
    static final HilDependency<BenchDriverHandle> HANDLE = HilDependency.of(BenchDriverHandle.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int defaultDriverNumber() {
        return BenchDriver.DRIVER_NUM;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(HANDLE);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        BenchDriver driver = new BenchDriver(
                context.createGrant(BenchDriver.GRANT_TYPE, BenchDriver.UPCALLS, BenchDriver.ALLOW_RO,
                        BenchDriver.ALLOW_RW),
                context.deferredCalls().create());
        driver.register();
        context.hil(HANDLE).attach(driver);
        return driver;
    }
}
