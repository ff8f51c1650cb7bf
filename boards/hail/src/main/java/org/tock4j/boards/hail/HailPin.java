package org.tock4j.boards.hail;

/**
 * A SAM4L pin of the Hail by port letter and number ({@code new HailPin('A', 13)} is PA13).
 */
record HailPin(char port, int number) {}
