package org.tock4j.boards.imix;

/**
 * A SAM4L pin of the imix by port letter and number ({@code new ImixPin('A', 13)} is PA13).
 */
record ImixPin(char port, int number) {}
