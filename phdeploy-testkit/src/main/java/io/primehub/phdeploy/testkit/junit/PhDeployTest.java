package io.primehub.phdeploy.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the class its own {@link io.primehub.phdeploy.testkit.PhDeployEnvironment}:
 * an in-memory cluster with the fixture catalog, its prediction gateway, a running controller
 * and the client SDK, closed after the test. Test and lifecycle methods receive its parts as
 * parameters: {@code PhDeployEnvironment}, {@code InMemoryCluster}, {@code PhDeployments},
 * {@code PhDeployController}, {@code KubernetesClient}, {@code ModelRegistry},
 * {@code PredictionGateway}, {@code InMemoryCatalogSource} and, with {@link #manualClock()},
 * {@code ManualClock}. The tests of a {@code @Nested} class get environments too, with the settings
 * of the nearest class annotated {@code @PhDeployTest}: the nested class itself, or one it is
 * nested in.
 *
 * <pre>{@code
 * @PhDeployTest
 * class ScoringServiceTest {
 *   @Test
 *   void usesTheDeployedModel(InMemoryCluster cluster, PhDeployments deployments) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PhDeployExtension.class)
public @interface PhDeployTest {

  /** Whether time stands still until the test moves the {@code ManualClock}. */
  boolean manualClock() default false;

  /** The namespace the {@code PhDeployments} parameter works in. */
  String namespace() default "hub";

  /** The controller's deploy timeout, an ISO-8601 duration. */
  String deployTimeout() default "PT5M";
}
