package org.tock4j.chips.cortexm.hardware;

/**
 * The vector table: what runs when the core takes an exception (number 15 is SysTick, 16 + n is external
 * interrupt n).
 */
@FunctionalInterface
public interface ExceptionHandler {

    int SYSTICK = 15;
    int FIRST_EXTERNAL = 16;

    void exceptionTaken(int exceptionNumber);
}
