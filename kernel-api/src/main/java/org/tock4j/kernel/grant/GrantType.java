package org.tock4j.kernel.grant;

import java.util.function.Supplier;

/**
 * The {@code T} of a grant: how to make its default value, and the size and alignment it occupies in a
 * process's grant region. The value itself is a Java object the kernel keeps; its declared size and alignment
 * are carved from the grant region so accounting and running out of memory behave as in Tock.
 *
 * <pre>{@code
 * static final GrantType<App> APP = GrantType.of(App::new, 24, 4);   // size_of::<App>(), align_of::<App>()
 * }</pre>
 *
 * <p>Tock counterpart: the {@code T: Default} of {@code Grant<T, ...>}, with {@code size_of::<T>()} and
 * {@code align_of::<T>()}.
 *
 * @param size bytes, at least 0
 * @param align a power of two
 */
public record GrantType<T>(Supplier<? extends T> defaultValue, int size, int align) {
    public GrantType {
        if (size < 0) {
            throw new IllegalArgumentException("grant data size must be >= 0: " + size);
        }
        if (align <= 0 || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException("grant data alignment must be a power of two: " + align);
        }
    }

    public static <T> GrantType<T> of(Supplier<? extends T> defaultValue, int size, int align) {
        return new GrantType<>(defaultValue, size, align);
    }
}
