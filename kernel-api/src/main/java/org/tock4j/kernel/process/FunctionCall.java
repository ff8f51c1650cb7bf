package org.tock4j.kernel.process;

/**
 * A function the kernel asks a process to run: four arguments and the address of the function.
 *
 * <p>Tock counterpart: {@code kernel::process::FunctionCall}.
 *
 * @param argument3 the application data the process gave at subscribe
 * @param pc the address of the function inside the process's flash
 */
public record FunctionCall(FunctionCallSource source, int argument0, int argument1, int argument2, int argument3,
        int pc) {}
