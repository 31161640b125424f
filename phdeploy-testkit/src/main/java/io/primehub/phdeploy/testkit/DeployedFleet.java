package io.primehub.phdeploy.testkit;

import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Many {@code PhDeployment}s that a cluster starts with, each already {@code Deployed} with a
 * full history, for tests and benchmarks of what a controller does over a large, settled fleet:
 *
 * <pre>{@code
 * InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog()
 *     .deployedFleet(DeployedFleet.of(spec).count(10_000).history(32, age -> olderSpec(age)))
 *     .start();
 * }</pre>
 *
 * <p>Each deployment holds what the controller and the simulated cluster would have left after
 * it converged: the {@code PhDeployment} with its status, history, conditions and endpoint; the
 * Deployment, Service, Ingress (and, for a private endpoint, Secret) the controller would have
 * created with this {@link #config(ControllerConfig) configuration}, owned by it; the Deployment's
 * ready pods, bound to nodes, with the status the simulators give them. A controller started over
 * them with the same configuration has nothing to write. How: the first deployment converges
 * through a real controller in a small cluster of its own, which gives the status every
 * deployment of the spec reaches; the owned objects come from the controller's desired-state
 * factory, the pods and their statuses from the simulators' own rules; the cluster's API server
 * starts with them stored, as one restored from a backup, so that no request is made.
 */
public final class DeployedFleet {

  /** The most history records a deployment keeps. */
  public static final int MAX_HISTORY = 32;

  private final PhDeploymentSpec spec;
  private String namespace = "hub";
  private int count = 1;
  private IntFunction<String> names = index -> "fleet-%05d".formatted(index);
  private int history = 1;
  private IntFunction<PhDeploymentSpec> earlierSpecs = age -> {
    throw new IllegalStateException("no earlier spec was given");
  };
  private ControllerConfig config = ControllerConfig.builder().build();

  private DeployedFleet(PhDeploymentSpec spec) {
    this.spec = spec;
  }

  /**
   * A fleet of one deployment of this spec, named {@code fleet-00000}, in the namespace
   * {@code hub}, with one history record, for a controller with the default configuration.
   */
  public static DeployedFleet of(PhDeploymentSpec spec) {
    return new DeployedFleet(Objects.requireNonNull(spec, "spec"));
  }

  /** The namespace of every deployment. */
  public DeployedFleet namespace(String fleetNamespace) {
    if (Objects.requireNonNull(fleetNamespace, "fleetNamespace").isBlank()) {
      throw new IllegalArgumentException("the namespace must not be blank");
    }
    this.namespace = fleetNamespace;
    return this;
  }

  /** How many deployments, 0 or more. */
  public DeployedFleet count(int deployments) {
    if (deployments < 0) {
      throw new IllegalArgumentException("the count must not be negative: " + deployments);
    }
    this.count = deployments;
    return this;
  }

  /**
   * The name of each deployment by its index, from 0 to {@code count - 1}; the names must be
   * distinct valid deployment names.
   */
  public DeployedFleet names(IntFunction<String> nameOfIndex) {
    this.names = Objects.requireNonNull(nameOfIndex, "nameOfIndex");
    return this;
  }

  /**
   * How many history records each deployment has, 1 to {@value #MAX_HISTORY}: the record of its
   * spec, then one a day back for each earlier spec.
   *
   * @param records the records of each deployment
   * @param earlierSpec the spec recorded {@code age} days before the current one, for {@code age}
   *     from 1 to {@code records - 1}
   */
  public DeployedFleet history(int records, IntFunction<PhDeploymentSpec> earlierSpec) {
    if (records < 1 || records > MAX_HISTORY) {
      throw new IllegalArgumentException(
          "the history must have 1 to " + MAX_HISTORY + " records: " + records);
    }
    this.history = records;
    this.earlierSpecs = Objects.requireNonNull(earlierSpec, "earlierSpec");
    return this;
  }

  /**
   * The configuration of the controller the fleet is seeded for: its base URL makes the
   * endpoints, its settings the owned objects. A controller with another one would update them.
   *
   * @throws IllegalArgumentException if it enables PodMonitors, which a fleet does not seed
   */
  public DeployedFleet config(ControllerConfig controllerConfig) {
    if (Objects.requireNonNull(controllerConfig, "controllerConfig").podMonitorEnabled()) {
      throw new IllegalArgumentException("a fleet cannot be seeded with PodMonitors");
    }
    this.config = controllerConfig;
    return this;
  }

  PhDeploymentSpec spec() {
    return spec;
  }

  String namespace() {
    return namespace;
  }

  int count() {
    return count;
  }

  String name(int index) {
    return Objects.requireNonNull(names.apply(index), "the name of deployment " + index);
  }

  int history() {
    return history;
  }

  PhDeploymentSpec earlierSpec(int age) {
    return Objects.requireNonNull(earlierSpecs.apply(age), "the spec of " + age + " days before");
  }

  ControllerConfig config() {
    return config;
  }
}
