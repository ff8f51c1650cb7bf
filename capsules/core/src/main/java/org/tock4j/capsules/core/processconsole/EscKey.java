package org.tock4j.capsules.core.processconsole;

/** A key that arrives as an escape sequence. Tock counterpart: {@code process_console::EscKey}. */
enum EscKey {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    Delete
}
