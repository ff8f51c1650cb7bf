package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.ProcessMemoryDump;
import org.tock4j.boards.kit.ProcessMemoryDump.GrantEntry;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.testkit.TestBoard;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;

/**
 * The console's grant, read back from the process's RAM, sits where the layout of Tock's grant.rs puts it:
 * a counters word, then (appdata, fn) per upcall, then (ptr, len) per read-only and per read-write allow.
 */
class GrantMemoryLayoutTests {

    /** Subscribes console upcall 1, allows read-only 1 and read-write 1, then waits forever. */
    static final class Sharer implements App {
        @Override
        public String name() {
            return "sharer";
        }

        @Override
        public void main(Syscalls sys) {
            int start = sys.memop(2, 0).r1();
            sys.memop(0, start + 256);
            int fn = sys.upcallAddress((a, b, c, d) -> { });
            sys.subscribe(0x1, 1, fn, 0xABCD);
            sys.allowReadOnly(0x1, 1, start + 64, 5);
            sys.allowReadWrite(0x1, 1, start + 128, 7);
        }
    }

    @Test
    void consoleGrantBytesAreWhereTheSeedLayoutPutsThem() {
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").app(AppSource.of(Sharer::new)))) {
            board.runFor(Duration.ofMillis(10));
            ProcessMemoryDump dump = board.board().memoryDumps().get(0);
            PhysicalMemory ram = board.board().chip().memory();
            int start = dump.addresses().sramStart();

            GrantEntry console = dump.grants().stream().filter(GrantEntry::allocated)
                    .filter(g -> g.driverNum() == 0x1).findFirst().orElseThrow();
            int base = console.grantPtr();
            // Grant pointer table entry: (driver number, pointer) at the top of the process's memory.
            assertThat(ram.read32(console.entryAddress())).isEqualTo(0x1);
            assertThat(ram.read32(console.entryAddress() + 4)).isEqualTo(base);
            assertThat(console.entryAddress()).isGreaterThan(dump.addresses().sramGrantStart());
            // Counters: byte 0 upcalls (3), byte 1 read-only allows (2), byte 2 read-write allows (2).
            assertThat(ram.read32(base)).isEqualTo(0x0002_0203);
            // Saved upcall 1 = (appdata, fn) at base + 4 + 8.
            assertThat(ram.read32(base + 4 + 8)).isEqualTo(0xABCD);
            assertThat(ram.read32(base + 4 + 8 + 4) & 1).isEqualTo(1); // a Thumb function pointer
            // Saved read-only allow 1 = (ptr, len) after 3 upcalls.
            int ro = base + 4 + 3 * 8;
            assertThat(ram.read32(ro + 8)).isEqualTo(start + 64);
            assertThat(ram.read32(ro + 8 + 4)).isEqualTo(5);
            // Saved read-write allow 1 after 2 read-only allows.
            int rw = ro + 2 * 8;
            assertThat(ram.read32(rw + 8)).isEqualTo(start + 128);
            assertThat(ram.read32(rw + 8 + 4)).isEqualTo(7);
            // The grant lies in the grant region: above the kernel memory break, below the tables.
            assertThat(Integer.compareUnsigned(base, dump.addresses().sramGrantStart())).isGreaterThanOrEqualTo(0);
            assertThat(dump.render()).contains("grant " + console.grantNum() + " (driver 0x1): counters 0x00020203",
                    "upcall 1: appdata 0xabcd", "read-only allow 1: " + String.format("0x%08x", start + 64) + " len 5");
        }
    }
}
