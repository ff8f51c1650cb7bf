/**
 * The flash HIL: whole pages, read, written and erased split-phase.
 *
 * <pre>{@code
 * flash.setClient(client);
 * flash.writePage(10, page);
 * }</pre>
 */
package org.tock4j.kernel.hil.flash;
