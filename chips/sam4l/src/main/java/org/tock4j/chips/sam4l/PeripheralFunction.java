package org.tock4j.chips.sam4l;

/**
 * The peripheral function a pin can be given instead of GPIO (its PMR2:PMR1:PMR0 bits).
 *
 * <p>Tock counterpart: {@code sam4l::gpio::PeripheralFunction}.
 */
public enum PeripheralFunction {
    A, B, C, D, E, F, G
}
