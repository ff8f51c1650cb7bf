package org.tock4j.userland;

/**
 * The system call interface of TRD104, at register level: each call takes the registers the app would load
 * and returns r0..r3 as the kernel set them.
 *
 * <pre>{@code
 * Registers r = sys.command(0x2, 1, 0, 0);          // LED driver, command 1 (on), LED 0
 * if (r.isFailure()) { ... r.errorCode() ... }
 * }</pre>
 *
 * <p>Every call is a preemption point: the process may be switched out here.
 */
public interface Syscalls {

    /** Class 0: {@code which} 0 = no-wait, 1 = wait, 2 = wait-for. */
    Registers yield(int which, int paramA, int paramB);

    /** Class 1: {@code upcallAddress} 0 unsubscribes. */
    Registers subscribe(int driver, int subscribeNum, int upcallAddress, int appData);

    /** Class 2. */
    Registers command(int driver, int commandNum, int arg0, int arg1);

    /** Class 3. */
    Registers allowReadWrite(int driver, int allowNum, int address, int length);

    /** Class 4. */
    Registers allowReadOnly(int driver, int allowNum, int address, int length);

    /** Class 7. */
    Registers allowUserspaceReadable(int driver, int allowNum, int address, int length);

    /** Class 5. */
    Registers memop(int operand, int arg0);

    /** Class 6: {@code which} 0 = terminate, 1 = restart. Returns only if {@code which} is invalid. */
    void exit(int which, int completionCode);

    /** Registers {@code fn} and returns its address inside the app's flash, for {@link #subscribe}. */
    int upcallAddress(Upcall fn);

    /** The app's own address space. */
    Memory memory();

    /**
     * Models {@code cycles} CPU cycles of computation: virtual time passes, and the process may be preempted.
     */
    void busy(long cycles);
}
