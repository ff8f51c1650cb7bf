package org.tock4j.kernel.hil.gpio;

/** Edge interrupts on an input pin. Tock counterpart: {@code hil::gpio::Interrupt}. */
public interface Interrupt extends Input {

    void setClient(Client client);

    void enableInterrupts(InterruptEdge mode);

    void disableInterrupts();

    boolean isPending();
}
