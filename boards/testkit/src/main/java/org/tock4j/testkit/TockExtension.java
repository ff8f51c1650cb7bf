package org.tock4j.testkit;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.userland.App;

/**
 * The JUnit 5 extension behind {@link TockBoard}: resolves {@link TestBoard} parameters by booting the
 * annotated board, and closes it after each test.
 */
public final class TockExtension implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TockExtension.class);
    /** The board a {@link TockBoard} that names none boots. */
    static final String DEFAULT_BOARD = "nrf52840dk";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestBoard.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestBoard.class, key -> boot(context),
                TestBoard.class);
    }

    private static TestBoard boot(ExtensionContext context) {
        TockBoard annotation = find(context.getElement())
                .or(() -> context.getTestClass().flatMap(c -> find(c)))
                .orElseThrow(() -> new ParameterResolutionException(
                        "a TestBoard parameter needs @TockBoard on the test method or class"));
        return new TestBoard(Board.boot(request(annotation)));
    }

    /** The boot request an annotation stands for. */
    static BootRequest request(TockBoard annotation) {
        boolean byName = !annotation.value().isEmpty();
        boolean byModule = annotation.module() != com.google.inject.Module.class;
        boolean byFile = !annotation.boardFile().isEmpty();
        if ((byName ? 1 : 0) + (byModule ? 1 : 0) + (byFile ? 1 : 0) > 1) {
            List<String> given = new ArrayList<>();
            if (byName) {
                given.add("value = \"" + annotation.value() + "\"");
            }
            if (byModule) {
                given.add("module = " + annotation.module().getName() + ".class");
            }
            if (byFile) {
                given.add("boardFile = \"" + annotation.boardFile() + "\"");
            }
            throw new ParameterResolutionException("@TockBoard names its board " + given.size() + " ways ("
                    + String.join(", ", given) + "); give one of value (a board's name), module (a Guice module) "
                    + "or boardFile (a YAML board file)");
        }
        BootRequest request;
        if (byModule) {
            try {
                request = BootRequest.modules(annotation.module().getSimpleName(),
                        annotation.module().getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new ParameterResolutionException("cannot create board module " + annotation.module().getName()
                        + " (it needs a public no-argument constructor): " + e, e);
            }
        } else if (byFile) {
            request = BootRequest.boardFile(Path.of(annotation.boardFile()));
        } else {
            request = BootRequest.board(byName ? annotation.value() : DEFAULT_BOARD);
        }
        request.apps(annotation.apps()).seed(annotation.seed()).recordSyscalls(annotation.recordSyscalls());
        for (Class<? extends App> app : annotation.appClasses()) {
            request.app(AppSource.ofClass(app));
        }
        for (String jar : annotation.appJars()) {
            request.appJar(Path.of(jar));
        }
        if (!annotation.faultPolicy().isEmpty()) {
            request.faultPolicy(FaultPolicyChoice.fromCliName(annotation.faultPolicy()));
        }
        return request;
    }

    /** A failing test names the board and the seed it ran with, so the run can be reproduced. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        TestBoard board = context.getStore(NAMESPACE).get(TestBoard.class, TestBoard.class);
        if (board != null) {
            throwable.addSuppressed(new BoardRunInfo(board));
        }
        throw throwable;
    }

    /** Shown with a failure: which board, which seed, how far it ran. */
    static final class BoardRunInfo extends Exception {
        private static final long serialVersionUID = 1L;

        BoardRunInfo(TestBoard board) {
            super("board " + board.board().name() + " seed " + board.seed() + " at virtual time "
                    + java.time.Duration.ofNanos(board.nowNs()) + System.lineSeparator() + board.report(), null, false,
                    false);
        }
    }

    private static Optional<TockBoard> find(Optional<? extends AnnotatedElement> element) {
        return element.flatMap(e -> AnnotationSupport.findAnnotation(e, TockBoard.class));
    }

    private static Optional<TockBoard> find(Class<?> type) {
        return AnnotationSupport.findAnnotation(type, TockBoard.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestBoard board = context.getStore(NAMESPACE).remove(TestBoard.class, TestBoard.class);
        if (board != null) {
            board.close();
        }
    }
}
