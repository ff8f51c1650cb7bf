package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.kernel.core.SyscallInterceptor;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.userland.App;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;

/**
 * The end-to-end syscall fuzzer: eight processes on the nRF52840-DK, with every core capsule (alarm, console,
 * LEDs, buttons, GPIO, low-level debug, RNG, temperature, IPC, process console), each a real app on its own thread
 * issuing random and adversarial system calls: every class, good and bad driver numbers, subscribe and allow
 * numbers at and past the counts, addresses at every boundary (its flash, its app break, its grant region,
 * another process, kernel RAM, 0, 0xFFFFFFFF), lengths 0, 1, huge and wrapping, interleaved with yields,
 * brk/sbrk, exit-restarts and faults.
 *
 * <p>Invariants, after every step:
 * <ul>
 *   <li>on the app's side: each return is a TRD104 encoding valid for its class, failed allows and subscribes
 *   hand back the caller's own arguments, and the app's whole memory holds exactly what the app wrote there (so
 *   no other process, no capsule outside an allowed read-write buffer, and no kernel path wrote it); memory
 *   exposed by brk/sbrk and a new life's memory read as zero;</li>
 *   <li>on the kernel's side (an interceptor before every call): the caller's grant pointer table and counters
 *   are consistent, every buffer saved for a capsule lies inside its process's app memory (read-only ones may
 *   be in its flash), no grant is left entered; process ids are never reused; the kernel never panics; app
 *   flash never changes. (Kernel RAM is the kernel's own: its peripherals' DMA buffers live there, so it is
 *   checked by the dispatcher fuzzer, which sees every write, rather than here.)</li>
 * </ul>
 *
 * <p>{@code -Dfuzz.syscalls=N} sets the campaign's size (CI: {@value #DEFAULT_SYSCALLS}), {@code -Dfuzz.seed=S} its
 * seed; the figures are printed and written to {@code target/fuzz-figures/end-to-end-fuzzer.txt}.
 */
class EndToEndSyscallFuzzTests {
    static final long DEFAULT_SYSCALLS = 1_000_000;
    private static final long SYSCALLS = Long.getLong("fuzz.syscalls", DEFAULT_SYSCALLS);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_129L);
    private static final int PROCESSES = 8;

    private static final int ALARM = 0x0;
    private static final int CONSOLE = 0x1;
    private static final int[] DRIVERS = {ALARM, CONSOLE, 0x2, 0x3, 0x4, 0x8, 0x1_0000, 0x4_0001, 0x6_0000, 0x9_0000};
    private static final int[] MISSING = {0x5, 0xDEAD, 0xFFFF_FFFF, 0x7_0000, 0x8000_0000};
    private static final int KERNEL_RAM = 0x2000_0000;

    /** What the campaign shares between its apps (only one runs at a time: the board has one CPU). */
    static final class Campaign {
        final long budget;
        final long seed;
        final AtomicLong syscalls = new AtomicLong();
        final AtomicLong kernelChecks = new AtomicLong();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Long> paths = new ConcurrentHashMap<>();
        final int[][] bounds = new int[PROCESSES][];
        final Set<Integer> ids = ConcurrentHashMap.newKeySet();
        final AtomicLong lives = new AtomicLong();

        Campaign(long budget, long seed) {
            this.budget = budget;
            this.seed = seed;
        }

        void violation(String what) {
            if (violations.size() < 50) {
                violations.add(what);
            }
        }

        void path(String name) {
            paths.merge(name, 1L, Long::sum);
        }

        boolean done() {
            return syscalls.get() >= budget || violations.size() >= 50;
        }
    }

    @Test
    void eightHostileProcessesNeverBreakAnInvariant() throws IOException {
        Campaign campaign = new Campaign(SYSCALLS, SEED);
        BootRequest request = BootRequest.board("nrf52840dk").faultPolicy(FaultPolicyChoice.RESTART).seed(SEED);
        for (int slot = 0; slot < PROCESSES; slot++) {
            int s = slot;
            request.app(AppSource.of(() -> new FuzzApp(s, campaign)));
        }
        long start = System.nanoTime();
        try (Board board = Board.boot(request)) {
            ProcessAddresses first = board.kernel().getProcessIter().getFirst().getAddresses();
            int flashFrom = first.flashStart();
            int flashTo = board.kernel().getProcessIter().getLast().getAddresses().flashEnd();
            byte[] flashBefore = new byte[flashTo - flashFrom];
            board.chip().memory().read(flashFrom, flashBefore, 0, flashBefore.length);
            board.kernel().setSyscallInterceptor(new KernelSide(board, campaign));

            long lastProgress = campaign.syscalls.get();
            int stalled = 0;
            while (!campaign.done() && board.panic().isEmpty() && stalled < 50) {
                board.runFor(Duration.ofMillis(200));
                long now = campaign.syscalls.get();
                stalled = now == lastProgress ? stalled + 1 : 0;
                lastProgress = now;
            }
            if (stalled >= 50) {
                campaign.violation("the board made no progress for 10 s of virtual time at " + lastProgress
                        + " syscalls: " + board.processes());
            }

            assertThat(board.panic()).as("the kernel panicked").isEmpty();
            byte[] flashAfter = new byte[flashBefore.length];
            board.chip().memory().read(flashFrom, flashAfter, 0, flashAfter.length);
            if (!java.util.Arrays.equals(flashBefore, flashAfter)) {
                campaign.violation("app flash changed");
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String figures = figures(campaign, ms);
        System.out.print(figures);
        Path dir = Path.of("target", "fuzz-figures");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("end-to-end-fuzzer.txt"), figures);

        assertThat(campaign.violations).isEmpty();
        assertThat(campaign.syscalls.get()).isGreaterThanOrEqualTo(SYSCALLS);
        assertThat(campaign.paths.keySet()).containsAll(REQUIRED_PATHS);
    }

    static final List<String> REQUIRED_PATHS = List.of(
            "yield no-wait", "yield invalid variant", "upcall delivered",
            "subscribe success", "subscribe INVAL", "subscribe NODEVICE", "subscribe NOSUPPORT",
            "command success", "command failure", "command NODEVICE",
            "allow-rw success", "allow-rw INVAL", "allow-rw NODEVICE", "allow-rw NOSUPPORT",
            "allow-ro success", "allow-ro INVAL", "allow-ro NODEVICE", "allow-ro NOSUPPORT",
            "allow-uro INVAL", "allow-uro NODEVICE", "allow-uro NOSUPPORT",
            "memop success", "memop NOMEM", "memop NOSUPPORT", "memop FAIL",
            "exit NOSUPPORT", "exit-restart", "fault restart");

    private static String figures(Campaign c, long ms) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("end-to-end fuzzer: %,d syscalls, %d processes (%d lives), %d invariant "
                + "violations, %,d kernel-side checks, %.1f s%n", c.syscalls.get(), PROCESSES, c.lives.get(),
                c.violations.size(), c.kernelChecks.get(), ms / 1000.0));
        new TreeMap<>(c.paths).forEach((k, v) -> out.append(String.format("  %-28s %,12d%n", k, v)));
        c.violations.forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
        return out.toString();
    }

    // ---------------------------------------------------------------- the kernel's side

    /** Before every call: the caller's kernel-managed memory is consistent; its id was never used by another life. */
    private static final class KernelSide implements SyscallInterceptor {
        private final Board board;
        private final Campaign campaign;
        private final Map<Integer, Integer> lastIdOfSlot = new HashMap<>();

        KernelSide(Board board, Campaign campaign) {
            this.board = board;
            this.campaign = campaign;
        }

        @Override
        public Interception intercept(Process process, Syscall syscall) {
            campaign.kernelChecks.incrementAndGet();
            int slot = process.processid().rawIndex();
            int id = process.processid().id();
            Integer last = lastIdOfSlot.put(slot, id);
            if (last == null || last != id) {
                if (!campaign.ids.add(id)) {
                    campaign.violation("process id " + id + " reused");
                }
            }
            checkGrants((ProcessStandard) process);
            return Interception.PROCEED;
        }

        private void checkGrants(ProcessStandard p) {
            var memory = board.chip().memory();
            ProcessAddresses a = p.getAddresses();
            int table = p.grantPointerTableAddress();
            List<Integer> drivers = board.kernel().grantDriverNumbers();
            for (int i = 0; i < drivers.size(); i++) {
                int driver = memory.read32(table + 8 * i);
                int ptr = memory.read32(table + 8 * i + 4);
                if (ptr == 0) {
                    continue;
                }
                if ((ptr & 1) != 0 || driver != drivers.get(i)
                        || Integer.compareUnsigned(ptr, a.sramGrantStart()) < 0
                        || Integer.compareUnsigned(ptr, table) >= 0) {
                    campaign.violation(String.format("%s grant %d: driver %#x ptr %#x", p.getProcessName(), i, driver,
                            ptr));
                    continue;
                }
                int counters = memory.read32(ptr);
                int upcalls = counters & 0xFF;
                int ro = counters >>> 8 & 0xFF;
                int rw = counters >>> 16 & 0xFF;
                if (counters >>> 24 != 0 || ptr + 4 + 8 * (upcalls + ro + rw) > table) {
                    campaign.violation(String.format("%s grant %d counters %#x", p.getProcessName(), i, counters));
                    continue;
                }
                for (int k = 0; k < ro + rw; k++) {
                    int slot = ptr + 4 + 8 * (upcalls + k);
                    int bufPtr = memory.read32(slot);
                    int len = memory.read32(slot + 4);
                    boolean inApp = within(bufPtr, len, a.sramStart(), a.sramAppBrk());
                    boolean inFlash = k < ro && within(bufPtr, len, a.flashNonProtectedStart(), a.flashEnd());
                    if (len != 0 && !inApp && !inFlash) {
                        campaign.violation(String.format("%s saved buffer %#x+%d outside its memory",
                                p.getProcessName(), bufPtr, len));
                    }
                }
            }
        }
    }

    static boolean within(int ptr, int len, int from, int to) {
        long s = Integer.toUnsignedLong(ptr);
        long e = s + Integer.toUnsignedLong(len);
        return e <= 0xFFFF_FFFFL && s >= Integer.toUnsignedLong(from) && e <= Integer.toUnsignedLong(to);
    }

    // ---------------------------------------------------------------- the apps

    /** A hostile app that checks, after each of its calls, what it got back and that its memory is its own. */
    static final class FuzzApp implements App {
        private final int slot;
        private final Campaign c;
        private SplittableRandom rnd;
        private Syscalls sys;
        private int start;
        private int brk;
        private int grantStart;
        private int ramEnd;
        private int flashStart;
        private int flashEnd;
        private int fnAddress;
        private byte[] shadow = new byte[0];
        /** Read-write (and userspace-readable) buffers capsules may write: (class, driver, num) -> [ptr, len]. */
        private final Map<String, int[]> writable = new HashMap<>();
        private final byte[] scratch = new byte[64 * 1024];
        private long calls;

        FuzzApp(int slot, Campaign campaign) {
            this.slot = slot;
            this.c = campaign;
        }

        @Override
        public String name() {
            return "fuzz" + slot;
        }

        @Override
        public int minimumRamBytes() {
            return 6 * 1024;
        }

        @Override
        public void main(Syscalls s) {
            this.sys = s;
            c.lives.incrementAndGet();
            rnd = new SplittableRandom(c.seed * 31 + slot * 1_000_003L + c.lives.get());
            start = sys.memop(2, 0).r1();
            ramEnd = sys.memop(3, 0).r1();
            flashStart = sys.memop(4, 0).r1();
            flashEnd = sys.memop(5, 0).r1();
            grantStart = sys.memop(6, 0).r1();
            brk = sys.memop(1, 0).r1();
            c.bounds[slot] = new int[] {start, brk, flashStart, flashEnd, grantStart};
            fnAddress = sys.upcallAddress((a, b, d, e) -> c.path("upcall delivered"));
            // A new life's memory reads as zero, and so does memory brk exposes.
            checkZero(start, brk - start, "a new life's app memory");
            grow(2048);
            shadow = new byte[brk - start];
            for (int i = 0; i < shadow.length; i++) {
                shadow[i] = (byte) (i * 7 + slot);
            }
            sys.memory().write(start, shadow, 0, shadow.length);
            while (!c.done()) {
                step();
            }
            while (true) {
                sys.yield(1, 0, 0);
            }
        }

        private void grow(int bytes) {
            Registers r = sys.memop(1, bytes);
            if (r.isSuccess()) {
                int old = r.r1();
                brk = old + bytes;
                checkZero(old, bytes, "memory exposed by sbrk");
            }
        }

        private void checkZero(int from, int length, String what) {
            if (length <= 0) {
                return;
            }
            byte[] b = new byte[length];
            sys.memory().read(from, b, 0, length);
            for (byte x : b) {
                if (x != 0) {
                    c.violation(name() + ": " + what + " is not zero");
                    return;
                }
            }
        }

        private int pick(int... values) {
            return values[rnd.nextInt(values.length)];
        }

        private int driver() {
            return rnd.nextInt(100) < 85 ? pick(DRIVERS) : pick(MISSING);
        }

        private int number() {
            return pick(0, 0, 1, 1, 2, 3, 4, 255, 256, 0x7FFF_FFFF, -1, rnd.nextInt());
        }

        private int address() {
            int[] other = c.bounds[rnd.nextInt(PROCESSES)];
            return switch (rnd.nextInt(22)) {
                case 0 -> 0;
                case 1 -> 0xFFFF_FFFF;
                case 2 -> 0xFFFF_FFF0;
                case 3 -> flashStart;
                case 4 -> fnAddress & ~1;
                case 5 -> flashEnd - 4;
                case 6 -> flashEnd;
                case 7 -> start - 1;
                case 8, 9 -> start;
                case 10 -> start + 4 * rnd.nextInt(64);
                case 11 -> brk - 1;
                case 12 -> brk - 4;
                case 13 -> brk;
                case 14 -> grantStart;
                case 15 -> grantStart - 1;
                case 16 -> ramEnd - 4;
                case 17 -> other == null ? 0 : other[0];
                case 18 -> other == null ? 0 : other[1] - 4;
                case 19 -> KERNEL_RAM;
                case 20 -> start + rnd.nextInt(Math.max(1, brk - start));
                default -> rnd.nextInt();
            };
        }

        private int length(int address) {
            return switch (rnd.nextInt(13)) {
                case 0, 1 -> 0;
                case 2 -> 1;
                case 3 -> 4;
                case 4 -> 16;
                case 5 -> brk - address;
                case 6 -> brk - address + 1;
                case 7 -> flashEnd - address;
                case 8 -> 0x7FFF_FFFF;
                case 9 -> 0xFFFF_FFFF;
                case 10 -> -address;
                case 11 -> -address + 1;
                default -> rnd.nextInt();
            };
        }

        private int upcallPointer() {
            int[] other = c.bounds[rnd.nextInt(PROCESSES)];
            return switch (rnd.nextInt(12)) {
                case 0, 1, 2 -> 0;
                case 3, 4 -> fnAddress;
                case 5 -> flashStart | 1;
                case 6 -> flashEnd - 3;
                case 7 -> start;
                case 8 -> grantStart;
                case 9 -> other == null ? 1 : other[2] | 1;
                case 10 -> KERNEL_RAM;
                default -> rnd.nextInt();
            };
        }

        private void step() {
            calls++;
            int roll = rnd.nextInt(1000);
            if (roll < 2) {
                c.path("fault restart");
                throw new IllegalStateException("a deliberate fault: the restart policy gives a new life");
            }
            if (roll < 10) {
                c.path("exit-restart");
                c.syscalls.incrementAndGet();
                sys.exit(1, (int) calls);
                c.violation(name() + ": exit-restart returned");
            }
            c.syscalls.incrementAndGet();
            if (roll < 110) {
                yieldCall();
            } else if (roll < 270) {
                int d = driver();
                int n = number();
                int fn = upcallPointer();
                int data = rnd.nextInt();
                Registers r = sys.subscribe(d, n, fn, data);
                pairResult("subscribe", r, fn, data, d);
            } else if (roll < 430) {
                int d = driver();
                Registers r = sys.command(d, pick(0, 1, 2, 3, 4, 5, 6, rnd.nextInt(32), rnd.nextInt()),
                        pick(0, 1, 1000, rnd.nextInt()), pick(0, 1, rnd.nextInt()));
                if (!validCommand(r)) {
                    c.violation(name() + ": command returned " + r);
                }
                c.path(r.isSuccess() ? "command success"
                        : r.errorCode() == 11 && !isDriver(d) ? "command NODEVICE" : "command failure");
            } else if (roll < 580) {
                allow("allow-rw", 3);
            } else if (roll < 720) {
                allow("allow-ro", 4);
            } else if (roll < 790) {
                allow("allow-uro", 7);
            } else if (roll < 990) {
                memop();
            } else {
                sys.exit(pick(2, 3, 7, -1, rnd.nextInt() | 2), 0);     // an invalid variant returns
                c.path("exit NOSUPPORT");
            }
            checkMemory();
        }

        private static boolean isDriver(int d) {
            for (int x : DRIVERS) {
                if (x == d && d != 0x9_0000) {
                    return true;
                }
            }
            return false;
        }

        private void yieldCall() {
            switch (rnd.nextInt(5)) {
                case 0, 1 -> {
                    // As the seeds do (kernel.rs), yield-no-wait with only a null upcall pending leaves the process
                    // yielded until a real upcall comes: arm one first, or a process could sleep for ever.
                    if (!sys.subscribe(ALARM, 0, fnAddress, 0).isSuccess()
                            || !sys.command(ALARM, 5, 2000, 0).isSuccess()) {
                        c.path("alarm unavailable");
                        return;
                    }
                    boolean own = rnd.nextBoolean();
                    int flag = own ? start + rnd.nextInt(Math.max(1, brk - start)) : address();
                    sys.yield(0, flag, 0);
                    if (within(flag, 1, start, brk)) {
                        byte v = sys.memory().read8(flag);
                        if (v != 0 && v != 1) {
                            c.violation(name() + ": yield-no-wait flag is " + v);
                        }
                        shadow[flag - start] = v;
                    }
                    c.path("yield no-wait");
                }
                case 2 -> {
                    // Arm an alarm and take its upcall with yield-no-wait when it has come (never wait: a wait
                    // whose upcall a hostile call of this very process cancelled would sleep for ever).
                    sys.subscribe(ALARM, 0, fnAddress, 0);
                    sys.command(ALARM, 5, 1000 + rnd.nextInt(5000), 0);
                    c.path("alarm armed");
                }
                default -> {
                    sys.yield(pick(3, 4, -1, rnd.nextInt() | 4), address(), rnd.nextInt());
                    c.path("yield invalid variant");
                }
            }
        }

        private void allow(String kind, int classNum) {
            int d = driver();
            int n = number();
            int address = address();
            int len = length(address);
            Registers r = switch (classNum) {
                case 3 -> sys.allowReadWrite(d, n, address, len);
                case 4 -> sys.allowReadOnly(d, n, address, len);
                default -> sys.allowUserspaceReadable(d, n, address, len);
            };
            pairResult(kind, r, address, len, d);
            if (r.isSuccess() && classNum != 4) {
                String key = classNum + ":" + d + ":" + n;
                if (len == 0) {
                    writable.remove(key);
                } else {
                    writable.put(key, new int[] {address, len});
                }
            }
        }

        /** Subscribe and allow: a valid variant, the caller's own values back on failure, and its path. */
        private void pairResult(String kind, Registers r, int a, int b, int d) {
            if (r.r0() == Registers.SUCCESS_U32_U32) {
                c.path(kind + " success");
                return;
            }
            if (r.r0() != Registers.FAILURE_U32_U32 || r.r2() != a || r.r3() != b || !errorNumber(r.r1())) {
                c.violation(String.format("%s: %s(%#x, .., %#x, %#x) returned %s", name(), kind, d, a, b, r));
                return;
            }
            String code = switch (r.r1()) {
                case 6 -> "INVAL";
                case 9 -> "NOMEM";
                case 10 -> "NOSUPPORT";
                case 11 -> "NODEVICE";
                default -> "error " + r.r1();
            };
            c.path(kind + " " + code);
        }

        private static boolean errorNumber(int e) {
            return e >= 1 && e <= 13;
        }

        private static boolean validCommand(Registers r) {
            return switch (r.r0()) {
                case 0, 1, 2, 3 -> errorNumber(r.r1());
                case 128, 129, 130, 131, 132, 133 -> true;
                default -> false;
            };
        }

        private void memop() {
            int op = pick(0, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -1, rnd.nextInt());
            int arg = switch (op) {
                case 0 -> pick(brk + 4 * rnd.nextInt(64), brk - 4 * rnd.nextInt(64), start, grantStart,
                        grantStart + 1, ramEnd, 0, -1, rnd.nextInt());
                case 1 -> pick(0, 4, -4, 256, -256, 1024, 0x7FFF_FFFF, 0x8000_0000, grantStart - brk, rnd.nextInt());
                default -> rnd.nextInt();
            };
            int oldBrk = brk;
            Registers r = sys.memop(op, arg);
            boolean valid = r.r0() == Registers.SUCCESS || r.r0() == Registers.SUCCESS_U32
                    || (r.r0() == Registers.FAILURE && errorNumber(r.r1()));
            if (!valid) {
                c.violation(name() + ": memop returned " + r);
            }
            if (r.isSuccess() && (op == 0 || op == 1)) {
                brk = op == 0 ? arg : oldBrk + arg;
                if (op == 1 && r.r1() != oldBrk) {
                    c.violation(name() + ": sbrk returned " + Integer.toHexString(r.r1()) + ", break was "
                            + Integer.toHexString(oldBrk));
                }
                resize(oldBrk);
            }
            c.path(r.isSuccess() ? "memop success" : switch (r.r1()) {
                case 9 -> "memop NOMEM";
                case 10 -> "memop NOSUPPORT";
                case 1 -> "memop FAIL";
                default -> "memop error " + r.r1();
            });
        }

        /** The break moved: exposed memory reads zero; the shadow follows. */
        private void resize(int oldBrk) {
            if (Integer.compareUnsigned(brk, oldBrk) > 0) {
                checkZero(oldBrk, brk - oldBrk, "memory exposed by brk");
            }
            byte[] grown = new byte[Math.max(0, brk - start)];
            System.arraycopy(shadow, 0, grown, 0, Math.min(shadow.length, grown.length));
            shadow = grown;
            c.bounds[slot] = new int[] {start, brk, flashStart, flashEnd, grantStart};
        }

        /** The app's memory holds what it wrote, except in buffers it gave capsules to write. */
        private void checkMemory() {
            int length = brk - start;
            if (length <= 0) {
                return;
            }
            byte[] now = length <= scratch.length ? scratch : new byte[length];
            sys.memory().read(start, now, 0, length);
            int mismatch = java.util.Arrays.mismatch(now, 0, length, shadow, 0, length);
            while (mismatch >= 0 && mismatch < length) {
                int address = start + mismatch;
                if (!capsuleWritable(address)) {
                    c.violation(String.format("%s: byte %#x of its memory changed behind its back (%d -> %d)", name(),
                            address, shadow[mismatch], now[mismatch]));
                    return;
                }
                shadow[mismatch] = now[mismatch];
                int next = java.util.Arrays.mismatch(now, mismatch + 1, length, shadow, mismatch + 1, length);
                mismatch = next < 0 ? -1 : mismatch + 1 + next;
            }
        }

        private boolean capsuleWritable(int address) {
            long a = Integer.toUnsignedLong(address);
            for (int[] w : writable.values()) {
                long from = Integer.toUnsignedLong(w[0]);
                if (a >= from && a < from + Integer.toUnsignedLong(w[1])) {
                    return true;
                }
            }
            return false;
        }
    }
}
