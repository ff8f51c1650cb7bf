package org.tock4j.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;

/**
 * The JUnit 5 extension behind {@link TockBoard}: resolves {@link TestBoard} parameters by booting the
 * annotated board, and closes it after each test.
 */
public final class TockExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TockExtension.class);

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
        BootRequest request = BootRequest.board(annotation.value()).apps(annotation.apps()).seed(annotation.seed());
        return new TestBoard(Board.boot(request));
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
