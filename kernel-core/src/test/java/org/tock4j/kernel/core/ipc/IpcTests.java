package org.tock4j.kernel.core.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.ipc.IpcUpcallType;
import org.tock4j.kernel.platform.mpu.Region;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.upcall.UpcallId;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;

/**
 * IPC ({@code kernel/src/ipc.rs}) between real processes under an enforcing MPU, driven by the kernel loop as in
 * Tock: discovery by package name, service and client notifications with Tock's upcall numbers and arguments,
 * and the MPU region that gives the notified process the buffer shared with it.
 */
class IpcTests {
    private static final int IPC = Ipc.DRIVER_NUM;

    private final TestBoard board = new TestBoard(new CheckingMpu());
    private final Ipc ipc = Ipc.create(board.kernel(), board.kernel().processSlots(), IPC,
            Capability.memoryAllocation(), Capability.processManagement());
    private final List<String> log = new ArrayList<>();
    private final List<Registers> results = new ArrayList<>();
    /** Addresses the apps publish for the test (and for a spy). */
    private final int[] shared = new int[2];

    IpcTests() {
        board.driver(IPC, ipc);
        board.kernel().setIpc(ipc);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    // ---------------------------------------------------------------- app helpers (libtock-c's ipc.c)

    /** {@code ipc_discover}: the package name in read-only allow 0, then command 1. */
    private static Registers discover(Syscalls sys, int ram, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        int at = ram + 0x300;
        sys.memory().write(at, bytes, 0, bytes.length);
        sys.allowReadOnly(IPC, 0, at, bytes.length);
        return sys.command(IPC, 1, 0, 0);
    }

    private static String read(Syscalls sys, int ptr, int len) {
        if (len == 0) {
            return "";
        }
        byte[] bytes = new byte[len];
        sys.memory().read(ptr, bytes, 0, len);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int write(Syscalls sys, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sys.memory().write(at, bytes, 0, bytes.length);
        return bytes.length;
    }

    /** An address as the logs show it. */
    private String describe(int ptr) {
        if (ptr == 0) {
            return "0";
        }
        return ptr == shared[0] ? "the client's buffer"
                : ptr == shared[1] ? "the service's buffer" : "0x" + Integer.toHexString(ptr);
    }

    /** A service: subscribes at its own index; each notification logs what the client shared. */
    private TestApps.Main service(boolean answer) {
        return sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            int me = discover(sys, ram, "svc").r1();
            sys.subscribe(IPC, me, sys.upcallAddress((from, len, ptr, appData) -> {
                log.add("service upcall (" + from + ", " + len + ", " + describe(ptr) + "): " + read(sys, ptr, len));
                if (answer) {
                    shared[1] = ram + 0x200;
                    sys.allowReadWrite(IPC, from, ram + 0x200, write(sys, ram + 0x200, "world"));
                    results.add(sys.command(IPC, 3, from, 0));
                }
            }), 0x51);
        };
    }

    /** A client: finds "svc", listens to it, shares "hello" with it and notifies it. */
    private TestApps.Main client() {
        return sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            int svc = discover(sys, ram, "svc").r1();
            sys.subscribe(IPC, svc, sys.upcallAddress((from, len, ptr, appData) -> log.add("client upcall ("
                    + from + ", " + len + ", " + describe(ptr) + "): " + read(sys, ptr, len))), 0);
            shared[0] = ram + 0x200;
            sys.allowReadWrite(IPC, svc, ram + 0x200, write(sys, ram + 0x200, "hello"));
            results.add(sys.command(IPC, 2, svc, 0));
        };
    }

    // ---------------------------------------------------------------- discovery

    @Test
    void discoveryByPackageNameReturnsTheProcessIndex() {
        board.addApp(TestApps.app("svc", sys -> { }));
        board.addApp(TestApps.app("client", sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            results.add(discover(sys, ram, "svc"));
            results.add(discover(sys, ram, "client"));
        }));
        board.load();

        board.runUntil(() -> results.size() == 2, 10);

        // SuccessU32 with the index in r1.
        assertThat(results).extracting(Registers::r0, Registers::r1).containsExactly(
                tuple(Registers.SUCCESS_U32, 0),
                tuple(Registers.SUCCESS_U32, 1));
    }

    @Test
    void discoveryOfANameNoProcessHasFailsWithNodevice() {
        board.addApp(TestApps.app("svc", sys -> { }));
        board.addApp(TestApps.app("client", sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            results.add(discover(sys, ram, "nobody"));
            results.add(discover(sys, ram, "sv"));
            results.add(discover(sys, ram, "svc2"));
        }));
        board.load();

        board.runUntil(() -> results.size() == 3, 10);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.r0()).isEqualTo(Registers.FAILURE);
            assertThat(r.errorCode()).isEqualTo(ErrorCode.NODEVICE.number());
        });
    }

    @Test
    void discoveryWithNoNameAllowedSearchesForTheEmptyNameAsTockDoes() {
        board.addApp(TestApps.app("client", sys -> results.add(sys.command(IPC, 1, 0, 0))));
        board.load();

        board.runUntil(() -> results.size() == 1, 10);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.NODEVICE.number());
    }

    @Test
    void commandZeroFindsTheDriverAndUnknownCommandsAreNosupport() {
        board.addApp(TestApps.app("a", sys -> {
            results.add(sys.command(IPC, 0, 0, 0));
            results.add(sys.command(IPC, 4, 0, 0));
        }));
        board.load();

        board.runUntil(() -> results.size() == 2, 10);

        assertThat(results.get(0).r0()).isEqualTo(Registers.SUCCESS);
        assertThat(results.get(1).errorCode()).isEqualTo(ErrorCode.NOSUPPORT.number());
    }

    // ---------------------------------------------------------------- notifications

    @Test
    void notifyServiceRunsTheServiceUpcallWithTheClientIndexAndTheBufferItShared() {
        board.addApp(TestApps.app("svc", service(false)));
        board.addApp(TestApps.app("client", client()));
        board.load();

        board.runUntil(() -> log.size() == 1, 20);

        assertThat(results).extracting(Registers::r0).containsExactly(Registers.SUCCESS);
        assertThat(log).containsExactly("service upcall (1, 5, the client's buffer): hello");
        // The upcall the service subscribed at its own index (0), with (client index, length, address).
        FunctionCall call = board.boundary("svc").functionCalls().getLast();
        assertThat(call.source()).isEqualTo(new FunctionCallSource.Driver(new UpcallId(IPC, 0)));
        assertThat(List.of(call.argument0(), call.argument1(), call.argument2(), call.argument3()))
                .containsExactly(1, 5, shared[0], 0x51);
    }

    @Test
    void notifyClientRunsTheClientUpcallSubscribedAtTheServiceIndex() {
        board.addApp(TestApps.app("svc", service(true)));
        board.addApp(TestApps.app("client", client()));
        board.load();

        board.runUntil(() -> log.size() == 2, 20);

        assertThat(results).extracting(Registers::r0).containsExactly(Registers.SUCCESS, Registers.SUCCESS);
        assertThat(log).containsExactly("service upcall (1, 5, the client's buffer): hello",
                "client upcall (0, 5, the service's buffer): world");
        FunctionCall call = board.boundary("client").functionCalls().getLast();
        assertThat(call.source()).isEqualTo(new FunctionCallSource.Driver(new UpcallId(IPC, 0)));
        assertThat(List.of(call.argument0(), call.argument1(), call.argument2()))
                .containsExactly(0, 5, shared[1]);
    }

    @Test
    void aNotificationWithNoSharedBufferCarriesZeroLengthAndAddress() {
        board.addApp(TestApps.app("svc", service(false)));
        board.addApp(TestApps.app("client", sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            results.add(sys.command(IPC, 2, discover(sys, ram, "svc").r1(), 0));
        }));
        board.load();

        board.runUntil(() -> log.size() == 1, 20);

        assertThat(log).containsExactly("service upcall (1, 0, 0): ");
    }

    @Test
    void notifyingAMissingProcessFailsWithInval() {
        board.addApp(TestApps.app("client", sys -> {
            results.add(sys.command(IPC, 2, 3, 0)); // an empty slot
            results.add(sys.command(IPC, 3, 99, 0)); // no such slot
            results.add(sys.command(IPC, 2, -1, 0));
        }));
        board.load();

        board.runUntil(() -> results.size() == 3, 10);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.r0()).isEqualTo(Registers.FAILURE);
            assertThat(r.errorCode()).isEqualTo(ErrorCode.INVAL.number());
        });
    }

    @Test
    void notifyingAProcessThatIsNotAliveFailsWithTheQueueingError() {
        board.addApp(TestApps.app("gone", sys -> sys.exit(0, 0)));
        board.addApp(TestApps.app("client", sys -> results.add(sys.command(IPC, 2, 0, 0))));
        board.load();

        board.runUntil(() -> results.size() == 1, 10);

        assertThat(board.process("gone").getState()).isEqualTo(State.TERMINATED);
        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.NODEVICE.number());
    }

    @Test
    void aProcessNotifyingItselfIsQueuedButGetsNoUpcall() {
        board.addApp(TestApps.app("svc", sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            int me = discover(sys, ram, "svc").r1();
            sys.subscribe(IPC, me, sys.upcallAddress((a, b, c, d) -> log.add("upcall")), 0);
            results.add(sys.command(IPC, 2, me, 0));
        }));
        board.load();

        board.steps(4);

        assertThat(results).extracting(Registers::r0).containsExactly(Registers.SUCCESS);
        assertThat(log).isEmpty();
        assertThat(board.process("svc").pendingTasks()).isZero();
        ProcessId svc = board.process("svc").processid();
        assertThat(ipc.scheduleIpcUpcall(svc, svc, IpcUpcallType.Service))
                .isEqualTo(Result.err(ProcessError.AlreadyInUse));
    }

    @Test
    void schedulingAnUpcallForAProcessThatIsGoneFailsWithNoSuchApp() {
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessId a = board.process("a").processid();
        ProcessId nobody = ProcessId.newExternal(board.kernel(), 999, 3, Capability.externalProcess());

        assertThat(ipc.scheduleIpcUpcall(nobody, a, IpcUpcallType.Client)).isEqualTo(Result.err(ProcessError.NoSuchApp));
        assertThat(ipc.scheduleIpcUpcall(a, nobody, IpcUpcallType.Service))
                .isEqualTo(Result.err(ProcessError.NoSuchApp));
    }

    // ---------------------------------------------------------------- shared memory and the MPU

    @Test
    void aSharedBufferIsNotAccessibleToTheOtherProcessUntilItIsNotified() {
        board.addApp(TestApps.app("client", sys -> {
            int ram = TestApps.growAppMemory(sys, 1024);
            shared[0] = ram + 0x200;
            sys.allowReadWrite(IPC, discover(sys, ram, "svc").r1(), ram + 0x200, write(sys, ram + 0x200, "hello"));
        }));
        board.addApp(TestApps.app("svc", sys -> {
            log.add("svc reads the client's buffer");
            sys.memory().read8(shared[0]);
            log.add("svc read it");
        }));
        board.load();

        board.runUntil(() -> board.process("svc").getState() instanceof State.Faulted, 10);

        assertThat(log).containsExactly("svc reads the client's buffer");
        assertThat(board.process("svc").getState()).isEqualTo(State.FAULTED);
        assertThat(board.boundary("svc").runtime().lastFault().orElseThrow().faultAddress()).hasValue(shared[0]);
    }

    @Test
    void theNotifiedProcessAloneGetsAnMpuRegionOverTheBufferAndKeepsItAsInTock() {
        board.addApp(TestApps.app("svc", service(false)));
        board.addApp(TestApps.app("client", client()));
        board.addApp(TestApps.app("spy", TestApps::park));
        board.load();
        board.runUntil(() -> log.size() == 1, 20);
        Region region = new Region(shared[0], 5);

        // The service read the buffer in its upcall through the region IPC added; the region stays afterwards
        // (Tock's IPC never removes it), and no other process has it.
        assertThat(log).containsExactly("service upcall (1, 5, the client's buffer): hello");
        assertThat(board.process("svc").mpuConfigDescription()).contains(region.toString());
        assertThat(board.process("client").mpuConfigDescription()).doesNotContain(region.toString());
        assertThat(board.process("spy").mpuConfigDescription()).doesNotContain(region.toString());
    }

    @Test
    void aThirdProcessCannotTouchTheBufferSharedWithTheService() {
        board.addApp(TestApps.app("svc", service(false)));
        board.addApp(TestApps.app("client", client()));
        board.addApp(TestApps.app("spy", sys -> {
            log.add("spy reads the client's buffer");
            sys.memory().read8(shared[0]);
            log.add("spy read it");
        }));
        board.load();

        board.runUntil(() -> board.process("spy").getState() instanceof State.Faulted
                && log.stream().anyMatch(line -> line.startsWith("service upcall")), 20);

        assertThat(log).contains("service upcall (1, 5, the client's buffer): hello", "spy reads the client's buffer")
                .doesNotContain("spy read it");
        assertThat(board.boundary("spy").runtime().lastFault().orElseThrow().faultAddress()).hasValue(shared[0]);
    }

    @Test
    void schedulingAnUpcallBetweenTwoLiveProcessesQueuesItOnTheNotifiedOne() {
        board.addApp(TestApps.app("a", TestApps::park));
        board.addApp(TestApps.app("b", TestApps::park));
        board.load();
        board.steps(4);
        ProcessId a = board.process("a").processid();
        ProcessId b = board.process("b").processid();

        assertThat(ipc.scheduleIpcUpcall(a, b, IpcUpcallType.Client)).isEqualTo(Result.ok());

        // b is process 1: a's client upcall is the one subscribed at b's index, with no buffer shared.
        assertThat(board.process("a").removeUpcall(new UpcallId(IPC, 1))).isPresent();
    }
}
