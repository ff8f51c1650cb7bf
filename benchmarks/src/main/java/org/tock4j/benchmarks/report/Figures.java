package org.tock4j.benchmarks.report;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The figures of one suite run, by benchmark ({@code Class.method}) and parameters ({@code name=value,...}). */
record Figures(Map<String, Figure> byKey) {

    static String key(String benchmark, String params) {
        return params.isEmpty() ? benchmark : benchmark + "[" + params + "]";
    }

    Optional<Figure> find(String benchmark) {
        return find(benchmark, "");
    }

    Optional<Figure> find(String benchmark, String params) {
        return Optional.ofNullable(byKey.get(key(benchmark, params)));
    }

    Collection<Figure> all() {
        return byKey.values();
    }
}
