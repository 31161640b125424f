package io.primehub.phdeploy.testkit.junit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.InMemoryCatalogSource;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link PhDeployTest}: one environment per test, made when the test or
 * one of its lifecycle methods first asks for a part of it, and closed when the test ends. The
 * tests of a {@code @Nested} class follow the settings of the nearest class annotated
 * {@code @PhDeployTest}, itself or one it is nested in.
 */
public final class PhDeployExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PhDeployExtension.class);
  private static final Map<Class<?>, Function<PhDeployEnvironment, Object>> PARTS = Map.of(
      PhDeployEnvironment.class, env -> env,
      InMemoryCluster.class, PhDeployEnvironment::cluster,
      PhDeployments.class, PhDeployEnvironment::deployments,
      PhDeployController.class, PhDeployEnvironment::controller,
      KubernetesClient.class, env -> env.cluster().client(),
      ModelRegistry.class, PhDeployEnvironment::models,
      PredictionGateway.class, PhDeployEnvironment::gateway,
      InMemoryCatalogSource.class, env -> env.cluster().catalog(),
      ManualClock.class, PhDeployExtension::manualClock);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return PARTS.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return PARTS.get(parameter.getParameter().getType()).apply(environment(context));
  }

  private static PhDeployEnvironment environment(ExtensionContext context) {
    // Lifecycle methods of the class (@BeforeAll) have no test to own an environment.
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "@PhDeployTest gives each test its own environment; ask for it in a test method or"
              + " in @BeforeEach/@AfterEach, not in @BeforeAll/@AfterAll");
    }
    PhDeployTest settings = settings(context.getRequiredTestClass())
        .orElseThrow(() -> new ParameterResolutionException(
            context.getRequiredTestClass().getName() + " is not annotated @PhDeployTest"));
    // JUnit closes an AutoCloseable kept in the test's store when the test ends.
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(
        PhDeployEnvironment.class, key -> start(settings), PhDeployEnvironment.class);
  }

  /**
   * The settings of the test class or, for a {@code @Nested} class, of the nearest enclosing
   * class that has them: the extension reaches nested classes, the annotation does not.
   */
  private static Optional<PhDeployTest> settings(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = enclosingInstanceType(type)) {
      Optional<PhDeployTest> settings = AnnotationSupport.findAnnotation(type, PhDeployTest.class);
      if (settings.isPresent()) {
        return settings;
      }
    }
    return Optional.empty();
  }

  /** The class an inner class's instances belong to; null for any other class. */
  private static @Nullable Class<?> enclosingInstanceType(Class<?> type) {
    return type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
        ? type.getEnclosingClass()
        : null;
  }

  private static PhDeployEnvironment start(PhDeployTest settings) {
    PhDeployEnvironment.Builder builder = PhDeployEnvironment.builder()
        .namespace(settings.namespace())
        .config(config -> config.deployTimeout(Duration.parse(settings.deployTimeout())));
    if (settings.manualClock()) {
      builder.manualClock();
    }
    return builder.start();
  }

  private static Object manualClock(PhDeployEnvironment environment) {
    if (environment.clock() instanceof ManualClock manual) {
      return manual;
    }
    throw new ParameterResolutionException(
        "a ManualClock parameter needs @PhDeployTest(manualClock = true)");
  }
}
