package org.tock4j.benchmarks.board;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.tock4j.benchmarks.capsule.BenchComponent;
import org.tock4j.benchmarks.capsule.BenchDriver;
import org.tock4j.benchmarks.capsule.BenchDriverHandle;
import org.tock4j.boards.kit.AddressRange;
import org.tock4j.boards.kit.BoardPlan;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.SchedulerChoice;
import org.tock4j.kernel.component.DriverNumber;

/**
 * What the bench board changes on the nRF52840-DK: its plan gains the bench capsule (and keeps the capsules
 * the benchmark apps use), and the handle through which the benchmark reaches that capsule is bound.
 *
 * <p>Used as an override of {@code Nrf52840dkModule}: chip, pins, clock and HILs stay the kit's.
 */
final class BenchBoardModule extends AbstractModule {
    static final String NAME = "bench-nrf52840dk";
    /** The kit's layout: apps from 0x0004_0000 to the end of flash, RAM above the kernel's 32 KiB. */
    private static final AddressRange APP_FLASH = new AddressRange(0x0004_0000, 0x000C_0000);
    private static final AddressRange APP_RAM = new AddressRange(0x2000_8000, 0x0003_8000);

    private final BenchDriverHandle handle;

    BenchBoardModule(BenchDriverHandle handle) {
        this.handle = handle;
    }

    @Override
    protected void configure() {
        bind(BenchDriverHandle.class).toInstance(handle);
    }

    @Provides
    @Singleton
    BoardPlan plan() {
        return BoardPlan.builder(NAME, "nRF52840")
                .processSlots(8)
                .appFlash(APP_FLASH)
                .appRam(APP_RAM)
                .capsule("alarm", DriverNumber.ALARM)
                .capsule("console", DriverNumber.CONSOLE)
                .capsule("led", DriverNumber.LED)
                .trustedCapsule("ipc", DriverNumber.IPC)
                .capsule(BenchComponent.NAME, BenchDriver.DRIVER_NUM)
                .scheduler(SchedulerChoice.RoundRobin.tockDefault())
                .faultPolicy(FaultPolicyChoice.PANIC)
                .build();
    }
}
