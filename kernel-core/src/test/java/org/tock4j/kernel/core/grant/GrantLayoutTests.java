package org.tock4j.kernel.core.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestMemory;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.SyscallDriver;
import org.tock4j.userland.Registers;

/**
 * The grant memory layout of the seed ({@code grant.rs}): sizes, padding, the counters word, where saved upcalls
 * and allows live, and the grant pointer table — read back byte for byte from process RAM.
 */
class GrantLayoutTests {
    private static final int DRIVER = 0x98;

    private final TestBoard board = new TestBoard();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** A driver whose grant {@code T} is 5 bytes aligned to 8, with 2 upcalls, 1 RO and 1 RW allow. */
    private Grant<Object> oddGrant() {
        Grant<Object> grant = board.createGrant(DRIVER, GrantType.of(Object::new, 5, 8), 2, 1, 1);
        board.driver(DRIVER, new SyscallDriver() {
            @Override
            public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
                return grant.enter(processId, (data, kernelData) -> null).map(v -> null);
            }
        });
        return grant;
    }

    @ParameterizedTest(name = "upcalls {0}, ro {1}, rw {2}, T {3} bytes align {4} -> {5}")
    @CsvSource({
        // counters word + 8 per upcall/allow, padded so T is aligned, then T
        "0, 0, 0, 0, 1, 4",
        "0, 0, 0, 4, 4, 8",
        "1, 0, 0, 4, 4, 16",
        "2, 1, 1, 5, 8, 45",     // 36 managed, 4 padding, 5 T
        "0, 0, 0, 1, 16, 17",    // 4 managed, 12 padding, 1 T
        "3, 0, 0, 8, 8, 40",     // 28 managed, 4 padding, 8 T
        "1, 1, 1, 8, 8, 40",     // 28 managed, 4 padding
        "255, 255, 255, 0, 4, 6124",
    })
    void grantSizeIsManagedPartPaddedToTsAlignmentPlusT(int upcalls, int ro, int rw, int tSize, int tAlign,
            int expected) {
        assertThat(KernelManagedLayout.grantSize(upcalls, ro, rw, tSize, tAlign)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "T align {0} -> {1}")
    @CsvSource({"1, 4", "2, 4", "4, 4", "8, 8", "64, 64"})
    void grantAlignIsTheLargerOfAWordAndTsAlignment(int tAlign, int expected) {
        assertThat(KernelManagedLayout.grantAlign(tAlign)).isEqualTo(expected);
    }

    @Test
    void tIsTheLastThingInTheAllocation() {
        assertThat(KernelManagedLayout.offsetOfGrantDataT(0x2000_1000, 45, 5)).isEqualTo(0x2000_1000 + 40);
    }

    @Test
    void countersWordPacksUpcallsInByteZeroReadOnlyInByteOneReadWriteInByteTwo() {
        TestMemory memory = board.memory();
        int base = TestMemory.RAM_START + 0x100;
        KernelManagedLayout layout = KernelManagedLayout.initializeFromCounts(memory, base, 3, 5, 7);

        assertThat(memory.bytes(base, 4)).containsExactly(3, 5, 7, 0);
        assertThat(memory.read32(base)).isEqualTo(0x00_07_05_03);
        KernelManagedLayout read = KernelManagedLayout.readFromBase(memory, base);
        assertThat(read.upcallsNum).isEqualTo(3);
        assertThat(read.allowRoNum).isEqualTo(5);
        assertThat(read.allowRwNum).isEqualTo(7);
        assertThat(layout.upcallsArray).isEqualTo(base + 4);
        assertThat(layout.allowRoArray).isEqualTo(base + 4 + 3 * 8);
        assertThat(layout.allowRwArray).isEqualTo(base + 4 + 3 * 8 + 5 * 8);
    }

    @Test
    void initializingALayoutClearsEverySavedUpcallAndAllow() {
        TestMemory memory = board.memory();
        int base = TestMemory.RAM_START + 0x200;
        memory.fill(base, 64, (byte) 0xAA);
        KernelManagedLayout.initializeFromCounts(memory, base, 2, 1, 1);

        assertThat(memory.bytes(base + 4, 32)).containsOnly(0);
        assertThat(memory.read8(base + 36)).isEqualTo((byte) 0xAA);
    }

    @Test
    void grantPointerTableSitsAtTheTopOfProcessMemoryWithOneEntryPerGrant() {
        board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.createGrant(0x11, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.createGrant(0x12, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessStandard process = board.process("a");

        int end = process.getAddresses().sramEnd();
        int table = process.grantPointerTableAddress();
        assertThat(table).isEqualTo((end & ~3) - 3 * ProcessStandard.GRANT_POINTER_ENTRY_SIZE);
        assertThat(board.memory().bytes(table, 24)).containsOnly(0);
        assertThat(process.getSizes().grantPointers()).isEqualTo(24);
        // Below the table: the upcall queue and the process control block, then the grant region's top.
        assertThat(process.getAddresses().sramGrantStart())
                .isEqualTo(table - ProcessStandard.CALLBACKS_OFFSET - ProcessStandard.PROCESS_STRUCT_OFFSET);
    }

    @Test
    void allocatingAGrantWritesDriverNumberAndPointerIntoItsTableEntry() {
        board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        Grant<Object> second = board.createGrant(0x11, GrantType.of(Object::new, 12, 4), 1, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessStandard process = board.process("a");
        int grantStartBefore = process.getAddresses().sramGrantStart();

        second.enter(process.processid(), (data, kernelData) -> null);

        int table = process.grantPointerTableAddress();
        int base = board.memory().read32(table + 8 + 4);
        assertThat(board.memory().read32(table)).isZero();
        assertThat(board.memory().read32(table + 4)).isZero();
        assertThat(board.memory().read32(table + 8)).isEqualTo(0x11);
        // 4 counters + 8 upcall + 12 T = 24 bytes, word aligned, carved just below the previous break.
        assertThat(base).isEqualTo((grantStartBefore - 24) & ~3);
        assertThat(process.getAddresses().sramGrantStart()).isEqualTo(base);
        assertThat(board.memory().bytes(base, 4)).containsExactly(1, 0, 0, 0);
        assertThat(process.grantAllocatedCount()).hasValue(1);
    }

    @Test
    void theEnteredBitIsBitZeroOfTheGrantPointerWhileTheGrantIsEntered() {
        Grant<Object> grant = board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessStandard process = board.process("a");
        int entry = process.grantPointerTableAddress() + 4;

        List<Integer> inside = new ArrayList<>();
        grant.enter(process.processid(), (data, kernelData) -> inside.add(board.memory().read32(entry)));
        int after = board.memory().read32(entry);

        assertThat(after & 1).isZero();
        assertThat(inside).containsExactly(after | 1);
    }

    @Test
    void subscribeAndAllowsAreSavedAtTheAddressesTheSeedLayoutPredicts() {
        Grant<Object> grant = oddGrant();
        int[] buffers = new int[2];
        List<Registers> results = new ArrayList<>();
        board.addApp(TestApps.app("a", sys -> {
            int fn = sys.upcallAddress((a, b, c, d) -> { });
            int ram = TestApps.growAppMemory(sys, 0x200);
            buffers[0] = ram + 0x40;
            buffers[1] = ram + 0x80;
            results.add(sys.subscribe(DRIVER, 1, fn, 0xCAFE));
            results.add(sys.allowReadOnly(DRIVER, 0, buffers[0], 16));
            results.add(sys.allowReadWrite(DRIVER, 0, buffers[1], 32));
            results.add(new Registers(fn, 0, 0, 0));
        }));
        board.load();
        ProcessStandard process = board.process("a");
        int grantStartBefore = process.getAddresses().sramGrantStart();

        board.runUntil(() -> results.size() == 4, 20);

        assertThat(results.subList(0, 3)).allMatch(Registers::isSuccess);
        int fn = results.get(3).r0();
        TestMemory m = board.memory();
        int base = m.read32(process.grantPointerTableAddress() + 4);
        // The seed's grant_size: 4 + 2*8 + 8 + 8 = 36, padded to 40 for T's alignment of 8, plus T's 5 bytes.
        assertThat(base).isEqualTo((grantStartBefore - 45) & ~7);
        assertThat(m.read32(process.grantPointerTableAddress())).isEqualTo(DRIVER);
        assertThat(m.bytes(base, 4)).containsExactly(2, 1, 1, 0);
        // SavedUpcall[0] untouched, SavedUpcall[1] = (appdata, fn).
        assertThat(m.read32(base + 4)).isZero();
        assertThat(m.read32(base + 8)).isZero();
        assertThat(m.read32(base + 12)).isEqualTo(0xCAFE);
        assertThat(m.read32(base + 16)).isEqualTo(fn);
        // SavedAllowRo[0] = (ptr, len), then SavedAllowRw[0] = (ptr, len).
        assertThat(m.read32(base + 20)).isEqualTo(buffers[0]);
        assertThat(m.read32(base + 24)).isEqualTo(16);
        assertThat(m.read32(base + 28)).isEqualTo(buffers[1]);
        assertThat(m.read32(base + 32)).isEqualTo(32);
        // T sits at the end, aligned to 8.
        assertThat(KernelManagedLayout.offsetOfGrantDataT(base, 45, 5) % 8).isZero();
        assertThat(grant.iter()).hasSize(1);
    }
}
