package org.tock4j.kernel.core.fuzz;

/**
 * The outcomes of the system call interface a fuzzing campaign must reach, each a TRD104 (or seed) error path or
 * a success path next to one; a campaign reports how often it hit each, and the tests require every one.
 */
public enum ErrorPath {
    YIELD_NO_WAIT("4.1.1", "yield-no-wait writes its flag into app memory"),
    YIELD_NO_WAIT_FLAG_ADDRESS_INVALID("4.1.1", "yield-no-wait with a flag address outside app memory writes nothing"),
    YIELD_WAIT("4.1.2", "yield-wait"),
    YIELD_WAIT_FOR("4.1.3", "yield-wait-for"),
    YIELD_INVALID_VARIANT("4.1", "an invalid yield variant returns at once with no value"),
    SUBSCRIBE_SUCCESS("4.2", "subscribe returns the previous upcall"),
    SUBSCRIBE_BAD_POINTER_INVAL("4.2", "subscribe with a pointer outside executable memory: INVAL, driver not called"),
    SUBSCRIBE_NODEVICE("4.2", "subscribe to a driver that does not exist: NODEVICE"),
    SUBSCRIBE_NOSUPPORT("4.2", "subscribe number past the grant's upcalls: NOSUPPORT"),
    SUBSCRIBE_NOMEM("4.2", "subscribe when the grant cannot be allocated: NOMEM"),
    COMMAND_SUCCESS("4.3", "command success variants"),
    COMMAND_DRIVER_FAILURE("4.3", "command failure variants from the driver"),
    COMMAND_NODEVICE("4.3", "command to a driver that does not exist: NODEVICE"),
    ALLOW_RW_SUCCESS("4.4", "read-write allow returns the previous buffer"),
    ALLOW_RW_INVAL("4.4", "read-write allow outside app memory: INVAL, own arguments back"),
    ALLOW_RW_NODEVICE("4.4", "read-write allow to a driver that does not exist: NODEVICE"),
    ALLOW_RW_NOSUPPORT("4.4", "read-write allow number past the grant's count: NOSUPPORT"),
    ALLOW_RW_NOMEM("4.4", "read-write allow when the grant cannot be allocated: NOMEM"),
    ALLOW_RO_SUCCESS("4.5", "read-only allow returns the previous buffer"),
    ALLOW_RO_INVAL("4.5", "read-only allow outside app memory and flash: INVAL"),
    ALLOW_RO_NODEVICE("4.5", "read-only allow to a driver that does not exist: NODEVICE"),
    ALLOW_RO_NOSUPPORT("4.5", "read-only allow number past the grant's count: NOSUPPORT"),
    ALLOW_RO_NOMEM("4.5", "read-only allow when the grant cannot be allocated: NOMEM"),
    ALLOW_URO_SUCCESS("4.4 (class 7)", "userspace-readable allow accepted by the capsule"),
    ALLOW_URO_INVAL("4.4 (class 7)", "userspace-readable allow outside app memory: INVAL"),
    ALLOW_URO_NODEVICE("4.4 (class 7)", "userspace-readable allow to a driver that does not exist: NODEVICE"),
    ALLOW_URO_CAPSULE_REJECTS("4.4 (class 7)", "userspace-readable allow the capsule refuses: its error, own arguments"),
    MEMOP_BREAK_MOVED("4.6", "brk/sbrk moves the break; exposed memory reads zero"),
    MEMOP_BRK_NOMEM("4.6", "brk outside [allow high-water mark, kernel break]: NOMEM"),
    MEMOP_SBRK_NOMEM("4.6", "sbrk outside [allow high-water mark, kernel break]: NOMEM"),
    MEMOP_NO_FLASH_REGION_FAIL("4.6", "memop 8/9 for a writeable flash region that does not exist: FAIL"),
    MEMOP_NOSUPPORT("4.6", "an unknown memop operand: NOSUPPORT"),
    EXIT_TERMINATE("4.7", "exit-terminate never returns"),
    EXIT_RESTART("4.7", "exit-restart never returns; the new life has a new id"),
    EXIT_INVALID_NOSUPPORT("4.7", "an invalid exit variant: NOSUPPORT"),
    FILTERED("3.3", "a call the board's syscall filter rejects: Failure with the filter's error"),
    UPCALL_QUEUE_FULL("4.2", "an upcall scheduled on a full queue is dropped (and counted)"),
    PROCESS_FAULT_RESTART("-", "a process fault under the restart policy");

    private final String section;
    private final String description;

    ErrorPath(String section, String description) {
        this.section = section;
        this.description = description;
    }

    public String section() {
        return section;
    }

    public String description() {
        return description;
    }
}
