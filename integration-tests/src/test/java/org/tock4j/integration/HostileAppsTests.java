package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.testkit.TestBoard;
import org.tock4j.userland.App;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;

/**
 * Apps that misuse the system call interface get TRD104's answers and never harm the kernel or the process
 * next to them (hello keeps printing).
 */
class HostileAppsTests {
    private static final int CONSOLE = 0x1;
    private static final int BUTTON = 0x3;
    private static final int FAILURE_U32_U32 = 2;
    private static final int FAILURE = 0;
    private static final int INVAL = 6;
    private static final int NOMEM = 9;
    private static final int NOSUPPORT = 10;
    private static final int NODEVICE = 11;

    /** An app running {@code body}; what it sees is recorded for the test. */
    private static final class Probe implements App {
        final List<Registers> seen = new ArrayList<>();
        private final Consumer<Probe> body;
        Syscalls sys;

        Probe(Consumer<Probe> body) {
            this.body = body;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void main(Syscalls sys) {
            this.sys = sys;
            body.accept(this);
        }

        Registers record(Registers r) {
            seen.add(r);
            return r;
        }
    }

    private static List<Registers> run(Consumer<Probe> body) {
        Probe probe = new Probe(body);
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello")
                .app(AppSource.of(() -> probe)))) {
            board.runFor(Duration.ofMillis(100));
            assertThat(board.panic()).isEmpty();
            assertThat(board.console().text()).contains("Hello World!");
            assertThat(board.process("hello").state()).isEqualTo("Yielded");
            return probe.seen;
        }
    }

    @Test
    void badPointersAreInval() {
        List<Registers> seen = run(p -> {
            int start = p.sys.memop(2, 0).r1();
            p.record(p.sys.allowReadOnly(CONSOLE, 1, 0xFFFF_FFF0, 100));            // wraps past 4 GiB
            p.record(p.sys.allowReadWrite(CONSOLE, 1, 0x2000_0000, 16));            // kernel RAM
            p.record(p.sys.allowReadWrite(CONSOLE, 1, start - 0x2000, 16));         // the process below
            p.record(p.sys.allowReadWrite(CONSOLE, 1, start, 0x7FFF_FFFF));         // huge length
            p.record(p.sys.subscribe(CONSOLE, 1, 0x2000_0001, 0));                  // not executable memory
            p.record(p.sys.subscribe(CONSOLE, 1, 0x0000_1001, 0));                  // the kernel's flash
        });
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.r0()).isEqualTo(FAILURE_U32_U32);
            assertThat(r.r1()).isEqualTo(INVAL);
        });
        // A failed allow hands the process its own arguments back.
        assertThat(seen.get(0).r2()).isEqualTo(0xFFFF_FFF0);
        assertThat(seen.get(0).r3()).isEqualTo(100);
    }

    @Test
    void badNumbersGetNodeviceOrNosupport() {
        List<Registers> seen = run(p -> {
            p.record(p.sys.command(0xDEAD, 0, 0, 0));                 // no such driver
            p.record(p.sys.subscribe(CONSOLE, 99, 0, 0));             // past the console's three upcalls
            p.record(p.sys.allowReadWrite(CONSOLE, 99, 0, 0));        // past its two RW allows
            p.record(p.sys.memop(99, 0));                             // no such memop
            p.sys.exit(7, 0);                                         // no such exit variant: returns
            p.record(p.sys.command(CONSOLE, 0, 0, 0));                // still alive
        });
        assertThat(seen.get(0)).extracting(Registers::r0, Registers::r1).containsExactly(FAILURE, NODEVICE);
        assertThat(seen.get(1)).extracting(Registers::r0, Registers::r1).containsExactly(FAILURE_U32_U32, NOSUPPORT);
        assertThat(seen.get(2)).extracting(Registers::r0, Registers::r1).containsExactly(FAILURE_U32_U32, NOSUPPORT);
        assertThat(seen.get(3)).extracting(Registers::r0, Registers::r1).containsExactly(FAILURE, NOSUPPORT);
        assertThat(seen.get(4).isSuccess()).isTrue();
    }

    @Test
    void anInvalidYieldVariantReturnsToTheProcess() {
        List<Registers> seen = run(p -> {
            p.record(p.sys.yield(7, 0x1234, 0x5678));
            p.record(p.sys.command(CONSOLE, 0, 0, 0));
        });
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).isSuccess()).isTrue();
    }

    @Test
    void exhaustingTheGrantRegionAnswersNomemAndOthersKeepRunning() {
        List<Registers> seen = run(p -> {
            int grantStart = p.sys.memop(6, 0).r1();
            int appBreak = p.sys.memop(1, 0).r1();
            // Grow app memory as close to the kernel's grant region as the MPU allows, leaving no room for a new
            // grant: halve the step each time brk is refused.
            int top = appBreak;
            for (int step = (grantStart - appBreak) / 2; step >= 4; step /= 2) {
                while (p.sys.memop(0, top + step).isSuccess()) {
                    top += step;
                }
            }
            p.record(p.sys.memop(1, 0));
            // Each first subscribe to a driver carves that driver's grant from what is left.
            for (int driver : new int[] {0x0, CONSOLE, BUTTON, 0x4, 0x40001, 0x60000, 0x10000}) {
                p.record(p.sys.subscribe(driver, 0, 0, 0));
            }
            p.record(p.sys.command(0x2, 0, 0, 0));
        });
        assertThat(seen.get(0).isSuccess()).isTrue();
        List<Registers> subscribes = seen.subList(1, seen.size() - 1);
        // Some grants still fit; once the region is spent every further one answers NOMEM, and nothing else.
        assertThat(subscribes).anySatisfy(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(subscribes).anySatisfy(r -> assertThat(r.errorCode()).isEqualTo(NOMEM));
        assertThat(subscribes).allSatisfy(r -> assertThat(r.isSuccess() || r.errorCode() == NOMEM).isTrue());
        assertThat(seen.get(seen.size() - 1).isSuccess()).isTrue();
    }

    @Test
    void floodingTheUpcallQueueKeepsTheFirstNineAndCountsTheDropped() {
        List<Integer> delivered = new ArrayList<>();
        Probe probe = new Probe(p -> {
            int fn = p.sys.upcallAddress((button, pressed, c, d) -> delivered.add(pressed));
            p.sys.subscribe(BUTTON, 0, fn, 0);
            p.sys.command(BUTTON, 1, 0, 0);                       // interrupts on button 0
            p.sys.busy(64_000_000L);                              // one second without yielding
            for (int i = 0; i < 20; i++) {
                p.sys.yield(0, 0, 0);                             // take what is queued
            }
        });
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello")
                .app(AppSource.of(() -> probe)))) {
            board.runFor(Duration.ofMillis(10));
            for (int i = 0; i < 10; i++) {                        // 20 edges while the app is busy
                board.pin("BUTTON1").hold(Duration.ofMillis(20));
                board.runFor(Duration.ofMillis(20));
            }
            board.runFor(Duration.ofSeconds(2));

            assertThat(delivered).hasSize(9).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 1);
            assertThat(board.process("probe").droppedUpcallCount()).isEqualTo(11);
            assertThat(board.panic()).isEmpty();
            assertThat(board.process("hello").state()).isEqualTo("Yielded");
        }
    }
}
