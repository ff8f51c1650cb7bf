package org.tock4j.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets of the performance issue, checked against a suite's figures. Ratios are taken between figures
 * of the same JMH run (a benchmark and its baseline), so they hold on a noisy machine.
 */
final class Targets {
    static final double SYSCALL_PER_DIRECT_CALL = 50;
    static final double SYSCALL_PER_PING_PONG = 0.5;
    /** Tock on a Cortex-M at 64 MHz: at least 300 cycles per system call; tock4j aims at 50 times faster. */
    static final double SYSCALL_ABSOLUTE_NS = 300 / 64e6 * 1e9 / 50;
    static final double UPCALL_PER_PING_PONG = 1.5;
    static final double GRANT_PER_DIRECT_CALL = 30;
    static final double SPEED_UP = 100_000;
    /** Wall time per unit of work (a blink period, a board) may grow by this factor and still count as linear. */
    static final double LINEAR_TOLERANCE = 1.25;
    static final double WARM_BOOT_NS = 2e6;
    static final double COLD_RUN_NS = 1.5e9;
    static final double HEAP_BEYOND_PAGES_KIB = 256;
    static final double FLEET_SPEED_UP = 50;
    static final int FLEET = 1000;

    private final Figures figures;
    private final List<Verdict> verdicts = new ArrayList<>();

    private Targets(Figures figures) {
        this.figures = figures;
    }

    /** Every target of the issue, in its order. */
    static List<Verdict> check(Figures figures) {
        Targets targets = new Targets(figures);
        targets.syscall();
        targets.upcall();
        targets.contextSwitch();
        targets.grants();
        targets.virtualTime();
        targets.boot();
        targets.scale();
        return targets.verdicts;
    }

    // ---------------------------------------------------------------- 1

    private void syscall() {
        String name = "1. System call round trip";
        Optional<Figure> kernel = figures.find("SyscallBenchmark.kernelCommand");
        Optional<Figure> direct = figures.find("SyscallBenchmark.directCommand");
        Optional<Figure> pingPong = figures.find("SyscallBenchmark.virtualThreadPingPong");
        ratio(name, "≤ " + Format.times(SYSCALL_PER_DIRECT_CALL) + " a direct (non-inlined) call of the same capsule "
                + "method", kernel, direct, "direct call", SYSCALL_PER_DIRECT_CALL, Explanations.SYSCALL);
        ratio(name, "< " + SYSCALL_PER_PING_PONG + " × a virtual-thread ping-pong round (no thread switch)", kernel,
                pingPong, "ping-pong round", SYSCALL_PER_PING_PONG, Explanations.SYSCALL);
        absolute(name, "≤ " + Format.nanos(SYSCALL_ABSOLUTE_NS) + " (50× faster than Tock's 300 cycles at 64 MHz)",
                kernel, SYSCALL_ABSOLUTE_NS, Explanations.SYSCALL);
    }

    // ---------------------------------------------------------------- 2

    private void upcall() {
        ratio("2. Allow + subscribe + command + upcall",
                "≤ " + UPCALL_PER_PING_PONG + " × a virtual-thread ping-pong round",
                figures.find("UpcallBenchmark.allowSubscribeCommandUpcall"),
                figures.find("UpcallBenchmark.virtualThreadPingPong"), "ping-pong round", UPCALL_PER_PING_PONG,
                Explanations.UPCALL);
    }

    // ---------------------------------------------------------------- 3

    private void contextSwitch() {
        String name = "3. Context switch (round robin, IPC ping-pong)";
        Optional<Figure> switched = figures.find("ContextSwitchBenchmark.processSwitch");
        Optional<Figure> handoff = figures.find("ContextSwitchBenchmark.virtualThreadHandoff");
        if (switched.isEmpty() || handoff.isEmpty()) {
            notMeasured(name, "none (reported beside a virtual-thread handoff)");
            return;
        }
        double ratio = switched.get().nanos() / handoff.get().nanos();
        verdicts.add(new Verdict(name, "none (reported beside a virtual-thread handoff)",
                Format.nanos(switched.get().nanos()) + " per switch = " + Format.times(ratio) + " a handoff ("
                        + Format.nanos(handoff.get().nanos()) + "); a switch is two handoffs at least",
                Verdict.Status.REPORTED, "", ""));
    }

    // ---------------------------------------------------------------- 4

    private void grants() {
        String name = "4. Grant enter/leave";
        Optional<Figure> enter = figures.find("GrantBenchmark.enterLeave");
        Optional<Figure> direct = figures.find("GrantBenchmark.directCommand");
        ratio(name, "≤ " + Format.times(GRANT_PER_DIRECT_CALL) + " a direct call", enter, direct, "direct call",
                GRANT_PER_DIRECT_CALL, Explanations.GRANT);
        Optional<Figure> each = figures.find("GrantBenchmark.eachOverEight");
        if (each.isEmpty()) {
            notMeasured("4. Grant.each over 8 processes", "none");
        } else {
            verdicts.add(new Verdict("4. Grant.each over 8 processes", "none",
                    Format.nanos(each.get().nanos()) + " (" + Format.nanos(each.get().nanos() / 8)
                            + " per process)", Verdict.Status.REPORTED, "", ""));
        }
    }

    // ---------------------------------------------------------------- 5

    private void virtualTime() {
        String name = "5. Virtual-time speed-up (blink)";
        Optional<Figure> hour = figures.find("VirtualTimeBenchmark.blink", "minutes=60");
        Optional<Figure> tenth = figures.find("VirtualTimeBenchmark.blink", "minutes=6");
        if (hour.isEmpty()) {
            notMeasured(name, "≥ " + Format.times(SPEED_UP) + " real time");
        } else {
            double speedUp = 3600e9 / hour.get().nanos();
            boolean met = speedUp >= SPEED_UP;
            verdicts.add(new Verdict(name, "≥ " + Format.times(SPEED_UP) + " real time for 1 h of blink",
                    "1 h of virtual time in " + Format.nanos(hour.get().nanos()) + " = " + Format.times(speedUp)
                            + " real time (" + Format.nanos(hour.get().nanos() / 14_400) + " per 250 ms period)",
                    met ? Verdict.Status.MET : Verdict.Status.MISSED,
                    met ? Format.times(speedUp / SPEED_UP) + " the target" : Format.times(SPEED_UP / speedUp)
                            + " too slow", met ? "" : Explanations.BLINK));
        }
        if (hour.isEmpty() || tenth.isEmpty()) {
            notMeasured(name + ": linearity", "wall time linear in blink periods");
        } else {
            double perPeriodHour = hour.get().nanos() / 14_400;
            double perPeriodTenth = tenth.get().nanos() / 1_440;
            double growth = perPeriodHour / perPeriodTenth;
            boolean met = growth <= LINEAR_TOLERANCE;
            verdicts.add(new Verdict(name + ": linearity",
                    "wall time linear in blink periods: a period of the 60-minute run costs at most 1.25× one of "
                            + "the 6-minute run",
                    Format.nanos(perPeriodTenth) + " per period over 6 min, " + Format.nanos(perPeriodHour)
                            + " over 60 min",
                    met ? Verdict.Status.MET : Verdict.Status.MISSED, "ratio " + Format.number(growth),
                    met ? "" : Explanations.LINEARITY));
        }
    }

    // ---------------------------------------------------------------- 6

    private void boot() {
        absolute("6. Board boot, warm (Guice + chip + capsules + 4 processes to their first statement)",
                "≤ " + Format.nanos(WARM_BOOT_NS), figures.find("BootBenchmark.bootToFirstStatement"), WARM_BOOT_NS,
                Explanations.WARM_BOOT);
        absolute("6. `./tock4j run --for 1s`, cold", "≤ " + Format.nanos(COLD_RUN_NS) + " wall, no build step",
                figures.find("ColdRunBenchmark.runForOneSecond"), COLD_RUN_NS, Explanations.COLD_RUN);
    }

    // ---------------------------------------------------------------- 7

    private void scale() {
        String name = "7. Scale: N boards × 4 processes, blink, 10 s virtual";
        List<int[]> sizes = List.of(new int[] {1}, new int[] {10}, new int[] {100}, new int[] {FLEET});
        StringBuilder walls = new StringBuilder();
        double previousPerBoard = Double.NaN;
        double worstGrowth = 0;
        for (int[] size : sizes) {
            Optional<Figure> run = figures.find("ScaleBenchmark.runTenSeconds", "boards=" + size[0]);
            if (run.isEmpty()) {
                continue;
            }
            double perBoard = run.get().nanos() / size[0];
            walls.append(walls.isEmpty() ? "" : "; ").append("N=").append(size[0]).append(": ")
                    .append(Format.nanos(run.get().nanos())).append(" (").append(Format.nanos(perBoard))
                    .append(" per board)");
            if (!Double.isNaN(previousPerBoard)) {
                worstGrowth = Math.max(worstGrowth, perBoard / previousPerBoard);
            }
            previousPerBoard = perBoard;
        }
        if (worstGrowth == 0) {
            notMeasured(name + ": linear in N", "linear in N");
        } else {
            boolean met = worstGrowth <= LINEAR_TOLERANCE;
            verdicts.add(new Verdict(name + ": linear in N",
                    "linear in N: from each N to the next, the wall time per board grows by at most 1.25×",
                    walls.toString(), met ? Verdict.Status.MET : Verdict.Status.MISSED,
                    "largest growth per board " + Format.times(worstGrowth), met ? "" : Explanations.SCALE_LINEARITY));
        }
        Optional<Figure> fleet = figures.find("ScaleBenchmark.runTenSeconds", "boards=" + FLEET);
        if (fleet.isEmpty()) {
            notMeasured(name + ": heap", "≤ 256 KiB per idle board beyond touched pages");
            notMeasured(name + ": 1000 boards", "≥ 50× real time");
            return;
        }
        double beyond = fleet.get().secondary().getOrDefault("beyondPagesPerBoardKiB", Double.NaN);
        double heap = fleet.get().secondary().getOrDefault("heapPerBoardKiB", Double.NaN);
        double pages = fleet.get().secondary().getOrDefault("pagesPerBoardKiB", Double.NaN);
        boolean heapMet = beyond <= HEAP_BEYOND_PAGES_KIB;
        verdicts.add(new Verdict(name + ": heap per idle board",
                "≤ " + Format.number(HEAP_BEYOND_PAGES_KIB) + " KiB beyond the emulated pages it touched",
                Format.number(heap) + " KiB per board (N=" + FLEET + "), of which " + Format.number(pages)
                        + " KiB emulated flash/RAM pages: " + Format.number(beyond) + " KiB beyond them",
                heapMet ? Verdict.Status.MET : Verdict.Status.MISSED,
                heapMet ? Format.number(HEAP_BEYOND_PAGES_KIB - beyond) + " KiB to spare"
                        : Format.number(beyond - HEAP_BEYOND_PAGES_KIB) + " KiB over",
                heapMet ? "" : Explanations.HEAP));
        double speedUp = 10e9 / fleet.get().nanos();
        boolean fast = speedUp >= FLEET_SPEED_UP;
        verdicts.add(new Verdict(name + ": " + FLEET + " boards",
                "≥ " + Format.times(FLEET_SPEED_UP) + " real time with " + FLEET + " boards",
                "10 s of virtual time on " + FLEET + " boards in " + Format.nanos(fleet.get().nanos()) + " = "
                        + Format.times(speedUp) + " real time",
                fast ? Verdict.Status.MET : Verdict.Status.MISSED,
                fast ? Format.times(speedUp / FLEET_SPEED_UP) + " the target"
                        : Format.times(FLEET_SPEED_UP / speedUp) + " too slow",
                fast ? "" : Explanations.FLEET));
    }

    // ---------------------------------------------------------------- helpers

    /** {@code figure} at most {@code limit} times {@code baseline}. */
    private void ratio(String name, String target, Optional<Figure> figure, Optional<Figure> baseline,
            String baselineName, double limit, String why) {
        if (figure.isEmpty() || baseline.isEmpty()) {
            notMeasured(name, target);
            return;
        }
        double ratio = figure.get().nanos() / baseline.get().nanos();
        boolean met = ratio <= limit;
        verdicts.add(new Verdict(name, target,
                Format.nanos(figure.get().nanos()) + " = " + Format.times(ratio) + " a " + baselineName + " ("
                        + Format.nanos(baseline.get().nanos()) + ")",
                met ? Verdict.Status.MET : Verdict.Status.MISSED, margin(ratio, limit), met ? "" : why));
    }

    /** {@code figure} at most {@code limitNs}. */
    private void absolute(String name, String target, Optional<Figure> figure, double limitNs, String why) {
        if (figure.isEmpty()) {
            notMeasured(name, target);
            return;
        }
        double ns = figure.get().nanos();
        boolean met = ns <= limitNs;
        verdicts.add(new Verdict(name, target, Format.nanos(ns),
                met ? Verdict.Status.MET : Verdict.Status.MISSED, margin(ns, limitNs), met ? "" : why));
    }

    private static String margin(double value, double limit) {
        return value <= limit
                ? Format.number(100 * (1 - value / limit)) + "% under"
                : Format.times(value / limit) + " over";
    }

    private void notMeasured(String name, String target) {
        verdicts.add(new Verdict(name, target, "—", Verdict.Status.NOT_MEASURED, "",
                "the benchmark failed or did not run: the JMH output of `./tock4j bench` says why"));
    }
}
