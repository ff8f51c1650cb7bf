package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.rng.RngDriver;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "rng"} capsule on the board's {@link Rng}: a grant with one upcall and one read-write
 * allow, the capsule set as the RNG's client.
 *
 * <p>Tock counterpart: {@code components::rng::RngComponent}, whose {@code Entropy32ToRandom} adapter the
 * board's {@code Rng} binding stands in for.
 */
public final class RngComponent implements CapsuleComponent {
    static final HilDependency<Rng> RNG = HilDependency.of(Rng.class);

    @Override
    public String name() {
        return "rng";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.RNG;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(RNG);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        Rng rng = context.hil(RNG);
        RngDriver driver = new RngDriver(rng, context.createGrant(
                RngDriver.GRANT_TYPE, RngDriver.UPCALLS, RngDriver.ALLOW_RO, RngDriver.ALLOW_RW));
        rng.setClient(driver);
        return driver;
    }
}
