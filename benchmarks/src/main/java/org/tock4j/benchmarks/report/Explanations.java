package org.tock4j.benchmarks.report;

/**
 * Why a target is missed: where the time goes, as profiling the benchmark shows it. Printed under a missed
 * target only.
 */
final class Explanations {
    private Explanations() {}

    static final String SYSCALL = """
            The fast path does not switch threads (the process's thread runs the kernel's loop itself), so the \
            time is the kernel path, and about three quarters of it, in a profile, is the emulated hardware that \
            Tock's loop touches on every system call: the scheduler timer (SysTick: disarm, read the remaining \
            time and COUNTFLAG, re-arm), the NVIC's pending-interrupt check (ICTR and every ISPR word), and the \
            MPU (disable, re-enable), about a dozen memory-mapped register accesses. Each is a bus lookup, a \
            register-bank lookup and a call into that register's behaviour; the behaviours are one lambda per \
            register, so the call is megamorphic and the JIT cannot inline across it. The rest is the syscall \
            decoding, the filter, the driver lookup, the TRD104 encoding and the cycle accounting on the virtual \
            clock. Meeting 50 direct calls would take a register path without that indirection, or a kernel loop \
            that touches fewer registers than Tock's does.""";

    static final String UPCALL = """
            The round trip is five system calls (allow, subscribe, command on the fast path; a yield that ends \
            the process's turn) and three kernel loop iterations (the process yields; the kernel runs the \
            deferred call, in which the capsule schedules the upcall; the kernel switches to the process again), \
            each with the register traffic of Tock's loop (SysTick, NVIC, MPU); the grant is entered twice and \
            the upcall is set up as a function call. The CPU changes hands twice, which alone is one ping-pong \
            round; the kernel work in between costs the rest. Getting near the floor would need the thread that \
            holds the CPU to run the kernel loop itself until a different thread must run (here: the same \
            process runs again, so no handoff at all).""";

    static final String GRANT = """
            Entering a grant reads and writes the process's grant pointer table and the kernel-managed layout \
            (counters word, upcall and allow slots) in the emulated process RAM, byte-exact as Tock lays it out, \
            sets and clears the entered flag there, and creates the kernel-data and allocator views; each RAM \
            access goes through the memory bus.""";

    static final String BLINK = """
            Idle time is skipped (the clock jumps to the next RTC compare), so the cost is per blink period: six \
            system calls (four LED commands, the alarm command, yield-wait-for), two CPU handoffs between the \
            process's and the kernel's virtual threads, several kernel loop iterations (sleep, the RTC \
            interrupt through the NVIC, the alarm capsule and its virtualizer walking the processes' grants, the \
            upcall), the RTC compare reprogrammed, and the GPIO and pin models for the LEDs (every edge is \
            recorded). A 100,000× speed-up leaves 2.5 µs per 250 ms period, about what the two handoffs and \
            three kernel loop iterations alone cost.""";

    static final String LINEARITY = """
            A period of the long run cost more than one of the short run: something accumulates with the run's \
            length (the event queue, the recorded pin edges, the heap), or other work on the machine slowed the \
            long run more (see the load average below).""";

    static final String WARM_BOOT = """
            A boot builds a new Guice injector for the board (reflection over the board's modules), constructs \
            every peripheral model of the nRF52840 (register banks for dozens of peripherals), every capsule and \
            grant, synthesises and parses four TBF images, and starts four virtual threads.""";

    static final String COLD_RUN = """
            A cold run is a new JVM: JVM start-up and class loading (Guice, picocli, SnakeYAML, the chip models) \
            dominate; the virtual second itself takes milliseconds. A class-data-sharing archive of the \
            launcher's module path (-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=...) would cut the class \
            loading.""";

    static final String SCALE_LINEARITY = """
            The cost per board grew with the number of boards: they share one carrier thread and the CPU caches, \
            and garbage collection has more live heap to trace; other work on the machine (see the load average \
            below) adds to it.""";

    static final String HEAP = """
            Each board keeps its own Guice injector, the register models of every peripheral, the kernel's \
            tables and four process threads with their stacks.""";

    static final String FLEET = """
            The boards run on one carrier thread: a board's CPU handoffs are cheap only while both threads share \
            a carrier, and with two carriers they cross between them, which costs about what the second core \
            gains (a hundred boards took as long or longer with two). So a thousand boards are a thousand times \
            the work of one: 160 blink periods per board (four processes, 40 periods each) at the cost per period \
            of measurement 5. 50× real time would need 1.25 µs per period.""";
}
