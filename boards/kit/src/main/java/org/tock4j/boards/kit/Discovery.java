package org.tock4j.boards.kit;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.userland.App;

/**
 * Finds boards, capsule components and apps with {@link ServiceLoader}: on the module path or class path, and
 * in jars given at run time (modular jars through a module layer, plain jars through
 * {@code META-INF/services}). A jar given at run time may hold apps, capsule components or both.
 *
 * <pre>{@code
 * Discovery discovery = Discovery.withJars(List.of(Path.of("my-apps.jar"), Path.of("beeper.jar")));
 * discovery.apps().forEach(found -> System.out.println(found.value().name() + "  " + found.origin()));
 * discovery.capsulesIn(Path.of("beeper.jar"));     // [Found[value=BeeperComponent, origin=/.../beeper.jar]]
 * }</pre>
 *
 * <p>JUnit counterpart: its engine discovery; Tock has none (a board lists its capsules by hand).
 */
public final class Discovery {

    /** Something discovery found, and the module or jar it came from. */
    public record Found<T>(T value, String origin) {}

    private final List<ClassLoaderOrLayer> sources;

    private Discovery(List<ClassLoaderOrLayer> sources) {
        this.sources = sources;
    }

    /** What the module path or class path of this JVM provides. */
    public static Discovery standard() {
        return new Discovery(List.of(ClassLoaderOrLayer.standard()));
    }

    /** The standard providers plus those in {@code jars}; an unreadable jar is a {@link BootException}. */
    public static Discovery withJars(List<Path> jars) {
        if (jars.isEmpty()) {
            return standard();
        }
        List<String> problems = new ArrayList<>();
        for (Path jar : jars) {
            checkReadableJar(jar).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new BootException(problems);
        }
        List<ClassLoaderOrLayer> sources = new ArrayList<>();
        sources.add(ClassLoaderOrLayer.standard());
        sources.add(ClassLoaderOrLayer.forJars(jars));
        return new Discovery(sources);
    }

    private static java.util.Optional<String> checkReadableJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return java.util.Optional.of("jar not found: " + jar);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> { });
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.of("cannot read jar " + jar + ": " + e.getMessage()
                    + " (is it a complete jar file?)");
        }
    }

    public List<Found<BoardDefinition>> boards() {
        return load(BoardDefinition.class, BoardDefinition::name);
    }

    public List<Found<ChipSupport>> chips() {
        return load(ChipSupport.class, ChipSupport::chipName);
    }

    public List<Found<CapsuleComponent>> capsules() {
        return load(CapsuleComponent.class, CapsuleComponent::name);
    }

    public List<Found<AppSource>> apps() {
        List<Found<AppSource>> apps = new ArrayList<>();
        for (ClassLoaderOrLayer source : sources) {
            for (ServiceLoader.Provider<App> provider : source.providers(App.class)) {
                App sample = provider.get();
                apps.add(new Found<>(new AppSource(sample.name(), sample.minimumRamBytes(), origin(provider.type()),
                        provider::get), origin(provider.type())));
            }
        }
        return dedupe(apps, f -> f.value().name());
    }

    /** The apps a jar given at run time provides (only its own, not the standard ones). */
    public List<Found<AppSource>> appsIn(Path jar) {
        String location = jar.toAbsolutePath().normalize().toString();
        return apps().stream().filter(f -> f.origin().equals(location)).toList();
    }

    /** The capsule components a jar given at run time provides (only its own, not the standard ones). */
    public List<Found<CapsuleComponent>> capsulesIn(Path jar) {
        String location = jar.toAbsolutePath().normalize().toString();
        return capsules().stream().filter(f -> f.origin().equals(location)).toList();
    }

    private <T> List<Found<T>> load(Class<T> service, Function<T, String> name) {
        List<Found<T>> found = new ArrayList<>();
        for (ClassLoaderOrLayer source : sources) {
            for (ServiceLoader.Provider<T> provider : source.providers(service)) {
                found.add(new Found<>(provider.get(), origin(provider.type())));
            }
        }
        return dedupe(found, f -> name.apply(f.value()));
    }

    /** The same provider seen through two sources is listed once; the sort makes the order deterministic. */
    private static <T> List<Found<T>> dedupe(List<Found<T>> found, Function<Found<T>, String> name) {
        List<Found<T>> unique = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Found<T> f : found) {
            if (seen.add(name.apply(f) + "\u0000" + f.value().getClass().getName())) {
                unique.add(f);
            }
        }
        unique.sort(Comparator.comparing(name));
        return unique;
    }

    /** The module a class is in; for classes loaded from a jar given at run time, that jar. */
    static String origin(Class<?> type) {
        return ORIGINS.get(type);
    }

    /** Where each provider class came from, worked out once per class (it reads the class's code source). */
    private static final ClassValue<String> ORIGINS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return locate(type);
        }
    };

    private static String locate(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed() && module.getLayer() == ModuleLayer.boot()) {
            return module.getName();
        }
        try {
            var codeSource = type.getProtectionDomain().getCodeSource();
            if (codeSource != null && codeSource.getLocation() != null) {
                return Path.of(codeSource.getLocation().toURI()).toAbsolutePath().normalize().toString();
            }
        } catch (Exception e) {
            // Fall through: no location to name.
        }
        return module.isNamed() ? module.getName() : "class path";
    }

    /** Where providers come from: the JVM's own path, or a layer or loader over extra jars. */
    private interface ClassLoaderOrLayer {
        <T> List<ServiceLoader.Provider<T>> providers(Class<T> service);

        static ClassLoaderOrLayer standard() {
            return STANDARD;
        }

        /**
         * The JVM's own providers. Its module path and class path do not change while it runs, so each service
         * is looked up once; every {@code get()} still makes a new provider instance.
         */
        ClassLoaderOrLayer STANDARD = new ClassLoaderOrLayer() {
            private final ClassValue<List<? extends ServiceLoader.Provider<?>>> found = new ClassValue<>() {
                @Override
                protected List<? extends ServiceLoader.Provider<?>> computeValue(Class<?> service) {
                    return ServiceLoader.load(service, Discovery.class.getClassLoader()).stream().toList();
                }
            };

            @Override
            @SuppressWarnings("unchecked")
            public <T> List<ServiceLoader.Provider<T>> providers(Class<T> service) {
                return (List<ServiceLoader.Provider<T>>) found.get(service);
            }
        };

        static ClassLoaderOrLayer forJars(List<Path> jars) {
            if (Discovery.class.getModule().isNamed()) {
                try {
                    ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
                    Set<String> roots = finder.findAll().stream().map(ModuleReference::descriptor)
                            .map(d -> d.name()).collect(Collectors.toSet());
                    Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(),
                            roots);
                    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf,
                            ClassLoader.getSystemClassLoader());
                    return new ClassLoaderOrLayer() {
                        @Override
                        public <T> List<ServiceLoader.Provider<T>> providers(Class<T> service) {
                            // Only the layer's own modules: the boot layer is the standard source.
                            return ServiceLoader.load(layer, service).stream()
                                    .filter(p -> p.type().getModule().getLayer() == layer).toList();
                        }
                    };
                } catch (FindException | ResolutionException | LayerInstantiationException e) {
                    throw new BootException("cannot load jars " + jars + ": " + e.getMessage());
                }
            }
            URL[] urls = jars.stream().map(Discovery::toUrl).toArray(URL[]::new);
            URLClassLoader loader = new URLClassLoader(urls, Discovery.class.getClassLoader());
            return new ClassLoaderOrLayer() {
                @Override
                public <T> List<ServiceLoader.Provider<T>> providers(Class<T> service) {
                    return ServiceLoader.load(service, loader).stream()
                            .filter(p -> p.type().getClassLoader() == loader).toList();
                }
            };
        }
    }

    private static URL toUrl(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new BootException("bad jar path " + p + ": " + e.getMessage());
        }
    }
}
