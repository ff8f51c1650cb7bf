package org.tock4j.integration;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.tock4j.userland.App;

/**
 * Builds an app jar the way a user outside this repository would: Java sources compiled against the
 * {@code userland} jar alone, packaged with a {@code META-INF/services} entry (and optionally a module descriptor).
 */
final class ExternalAppJar {
    private ExternalAppJar() {}

    /** A jar in {@code dir} holding class {@code className} compiled from {@code source}. */
    static Path build(Path dir, String className, String source, boolean modular) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Path file = src.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString()));
        Path userland = Path.of(jarOf(App.class));
        if (modular) {
            String pkg = className.substring(0, className.lastIndexOf('.'));
            Files.writeString(src.resolve("module-info.java"), "module external.apps {\n"
                    + "    requires org.tock4j.userland;\n"
                    + "    provides org.tock4j.userland.App with " + className + ";\n"
                    + "    exports " + pkg + ";\n}\n");
            args.addAll(List.of("-p", userland.toString(), src.resolve("module-info.java").toString()));
        } else {
            args.addAll(List.of("-cp", userland.toString()));
        }
        args.add(file.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
        Path jar = dir.resolve(className.substring(className.lastIndexOf('.') + 1).toLowerCase() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.tock4j.userland.App"));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** A copy of {@code jar} cut short, as an interrupted download leaves it. */
    static Path truncated(Path jar, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        Path cut = dir.resolve("truncated.jar");
        try (OutputStream out = Files.newOutputStream(cut)) {
            out.write(bytes, 0, bytes.length / 2);
        }
        return cut;
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the jar of " + type, e);
        }
    }
}
