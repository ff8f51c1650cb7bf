package org.tock4j.boards.kit;

import java.util.List;

import org.tock4j.kernel.platform.SyscallFilter;

/**
 * What a board runs, in one readable place: its chip, the memory it gives apps, its capsules at their driver
 * numbers, its scheduler, fault policy and syscall filter, and the apps it boots by default.
 *
 * <pre>{@code
 * @Provides BoardPlan plan() {
 *     return BoardPlan.builder("nrf52840dk", "nRF52840")
 *             .processSlots(8)
 *             .appFlash(new AddressRange(0x0004_0000, 0x000C_0000))
 *             .appRam(new AddressRange(0x2000_8000, 0x0003_8000))
 *             .capsule("alarm", DriverNumber.ALARM)
 *             .capsule("console", DriverNumber.CONSOLE)
 *             .capsule("led", DriverNumber.LED)
 *             .scheduler(SchedulerChoice.RoundRobin.tockDefault())
 *             .faultPolicy(FaultPolicyChoice.PANIC)
 *             .defaultApps("hello", "blink")
 *             .build();
 * }
 * }</pre>
 *
 * <p>Tock counterpart: a board's {@code main.rs}: its {@code Platform} struct, {@code with_driver} table,
 * {@code KernelResources} and {@code load_processes} call.
 *
 * @param syscallCycles CPU cycles each system call costs (time passes while processes run)
 */
public record BoardPlan(
        String boardName,
        String chipName,
        int processSlots,
        AddressRange appFlash,
        AddressRange appRam,
        List<CapsuleSelection> capsules,
        SchedulerChoice scheduler,
        FaultPolicyChoice faultPolicy,
        SyscallFilter syscallFilter,
        List<String> defaultApps,
        long syscallCycles) {

    public BoardPlan {
        capsules = List.copyOf(capsules);
        defaultApps = List.copyOf(defaultApps);
    }

    public static Builder builder(String boardName, String chipName) {
        return new Builder(boardName, chipName);
    }

    /** A copy with other default apps. */
    public BoardPlan withDefaultApps(List<String> apps) {
        return new BoardPlan(boardName, chipName, processSlots, appFlash, appRam, capsules, scheduler, faultPolicy,
                syscallFilter, apps, syscallCycles);
    }

    /** A copy with another fault policy. */
    public BoardPlan withFaultPolicy(FaultPolicyChoice policy) {
        return new BoardPlan(boardName, chipName, processSlots, appFlash, appRam, capsules, scheduler, policy,
                syscallFilter, defaultApps, syscallCycles);
    }

    /** Builds a {@link BoardPlan}. */
    public static final class Builder {
        private final String boardName;
        private final String chipName;
        private int processSlots = 4;
        private AddressRange appFlash;
        private AddressRange appRam;
        private final java.util.ArrayList<CapsuleSelection> capsules = new java.util.ArrayList<>();
        private SchedulerChoice scheduler = SchedulerChoice.RoundRobin.tockDefault();
        private FaultPolicyChoice faultPolicy = FaultPolicyChoice.PANIC;
        private SyscallFilter syscallFilter = SyscallFilter.ALLOW_ALL;
        private List<String> defaultApps = List.of();
        private long syscallCycles = 200;

        private Builder(String boardName, String chipName) {
            this.boardName = boardName;
            this.chipName = chipName;
        }

        public Builder processSlots(int slots) {
            this.processSlots = slots;
            return this;
        }

        public Builder appFlash(AddressRange region) {
            this.appFlash = region;
            return this;
        }

        public Builder appRam(AddressRange region) {
            this.appRam = region;
            return this;
        }

        public Builder capsule(String component, int driverNumber) {
            capsules.add(CapsuleSelection.of(component, driverNumber));
            return this;
        }

        public Builder capsule(CapsuleSelection selection) {
            capsules.add(selection);
            return this;
        }

        /** A capsule given the capabilities to manage and start processes, as a Tock board hands them over. */
        public Builder trustedCapsule(String component, int driverNumber) {
            capsules.add(CapsuleSelection.trusted(component, driverNumber));
            return this;
        }

        public Builder scheduler(SchedulerChoice choice) {
            this.scheduler = choice;
            return this;
        }

        public Builder faultPolicy(FaultPolicyChoice choice) {
            this.faultPolicy = choice;
            return this;
        }

        public Builder syscallFilter(SyscallFilter filter) {
            this.syscallFilter = filter;
            return this;
        }

        public Builder defaultApps(String... apps) {
            this.defaultApps = List.of(apps);
            return this;
        }

        public Builder syscallCycles(long cycles) {
            this.syscallCycles = cycles;
            return this;
        }

        public BoardPlan build() {
            if (appFlash == null || appRam == null) {
                throw new IllegalStateException("board " + boardName + " must name its app flash and app RAM");
            }
            return new BoardPlan(boardName, chipName, processSlots, appFlash, appRam, capsules, scheduler,
                    faultPolicy, syscallFilter, defaultApps, syscallCycles);
        }
    }
}
