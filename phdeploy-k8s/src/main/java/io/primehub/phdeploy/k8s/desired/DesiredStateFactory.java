package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link DesiredState} of a deployment: every object it should own, adjusted by the
 * hooks in order and stamped with its {@link DesiredHash}. A pure function of its arguments and
 * the configuration; it reads and writes nothing, so equal inputs give equal states and hashes.
 * Thread-safe.
 */
public final class DesiredStateFactory {

  private final ControllerConfig config;
  private final List<DesiredStateHook> hooks;
  private final DeploymentFactory deployments;
  private final IngressFactory ingresses;

  /** A factory without hooks. */
  public DesiredStateFactory(ControllerConfig config) {
    this(config, List.of());
  }

  /** A factory that applies {@code hooks} in this order; see {@link DesiredStateHook}. */
  public DesiredStateFactory(ControllerConfig config, List<DesiredStateHook> hooks) {
    this.config = Objects.requireNonNull(config, "config");
    this.hooks = List.copyOf(hooks);
    this.deployments = new DeploymentFactory(config);
    this.ingresses = new IngressFactory(config);
  }

  /**
   * The desired state of a deployment in its resolved group, on its resolved instance type.
   *
   * @param deployment a deployment read from the API server (it needs its uid) whose spec is
   *     valid: it has a predictor and a supported model URI
   * @param group the group {@code spec.groupName} names
   * @param instanceType the instance type the predictor names
   * @throws IllegalArgumentException if the deployment has no uid or its spec cannot be built
   * @throws IllegalStateException if a hook returns nothing or adds a snippet annotation
   */
  public DesiredState build(PhDeployment deployment, Group group, InstanceType instanceType) {
    PhDeploymentSpec spec = deployment.getSpec();
    DesiredState desired = ImmutableDesiredState.builder()
        .deployment(deployments.build(deployment, group, instanceType))
        .service(ServiceFactory.build(deployment))
        .ingress(ingresses.build(deployment))
        .authSecret(spec.accessType() == AccessType.PRIVATE
            ? AuthSecretFactory.build(deployment) : null)
        .podMonitor(config.podMonitorEnabled() ? PodMonitorFactory.build(deployment) : null)
        .build();
    for (DesiredStateHook hook : hooks) {
      desired = hook.adjust(deployment, desired);
      if (desired == null) {
        throw new IllegalStateException("DesiredStateHook " + hook + " returned null");
      }
      requireNoSnippet(desired.ingress(), hook);
    }
    return stamped(desired);
  }

  /** Hooks are trusted code, but a snippet on the Ingress is never acceptable, whoever adds it. */
  private static void requireNoSnippet(Ingress ingress, DesiredStateHook hook) {
    Map<String, String> annotations = ingress.getMetadata().getAnnotations();
    if (annotations == null) {
      return;
    }
    for (String key : annotations.keySet()) {
      if (key.toLowerCase(Locale.ROOT).endsWith("-snippet")) {
        throw new IllegalStateException("DesiredStateHook " + hook + " added the Ingress"
            + " annotation '" + key + "'; snippet annotations are never emitted (CVE-2021-25742)");
      }
    }
  }

  private static DesiredState stamped(DesiredState desired) {
    return ImmutableDesiredState.builder()
        .deployment(DesiredHash.stampWithTemplate(desired.deployment()))
        .service(DesiredHash.stamp(desired.service()))
        .ingress(DesiredHash.stamp(desired.ingress()))
        .authSecret(desired.authSecret() == null ? null : DesiredHash.stamp(desired.authSecret()))
        .podMonitor(desired.podMonitor() == null ? null : DesiredHash.stamp(desired.podMonitor()))
        .build();
  }
}
