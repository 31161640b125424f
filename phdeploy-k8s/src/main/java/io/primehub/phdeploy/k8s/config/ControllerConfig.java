package io.primehub.phdeploy.k8s.config;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.quota.Quantities;
import io.primehub.phdeploy.core.quota.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * How the controller deploys: the images beside the model, the engine's share of each pod, how
 * deployments are exposed, and how long and how fast they roll out. Every setting has a default,
 * so {@link #defaults()} is a working configuration for a cluster without an ingress host.
 *
 * <p>A configuration is validated when it is built: an invalid one cannot exist, and building it
 * fails with an {@link IllegalArgumentException} that names every wrong setting at once.
 */
@Value.Immutable
public interface ControllerConfig {

  /** The Seldon engine image unless configured. */
  String DEFAULT_ENGINE_IMAGE = "seldonio/engine:1.1.0";

  /** The image of the init container that fetches a model from its URI, unless configured. */
  String DEFAULT_STORAGE_INITIALIZER_IMAGE = "gcr.io/kfserving/storage-initializer:v0.4.0";

  /** The engine's CPU slice unless configured. */
  String DEFAULT_ENGINE_CPU = "100m";

  /** The engine's memory slice unless configured. */
  String DEFAULT_ENGINE_MEMORY = "256Mi";

  /** The deploy timeout unless configured. */
  Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofMinutes(5);

  /** The PersistentVolumeClaim of PrimeHub's shared file system unless configured. */
  String DEFAULT_PHFS_CLAIM_NAME = "primehub-phfs";

  /**
   * Pods a rollout may take down before their replacements are available: none, so that an
   * update never lowers the capacity of a serving deployment.
   */
  int MAX_UNAVAILABLE = 0;

  /**
   * The prefix of every prediction URL written to {@code status.endpoint}: {@code
   * https://<ingressHost>} when an ingress host is set, else {@code http://localhost}.
   */
  @Value.Default
  default String baseUrl() {
    String host = ingressHost();
    return host == null ? "http://localhost" : "https://" + host;
  }

  /** The Seldon engine image; {@value #DEFAULT_ENGINE_IMAGE} unless set. */
  @Value.Default
  default String engineImage() {
    return DEFAULT_ENGINE_IMAGE;
  }

  /**
   * The model storage init container's image;
   * {@value #DEFAULT_STORAGE_INITIALIZER_IMAGE} unless set.
   */
  @Value.Default
  default String storageInitializerImage() {
    return DEFAULT_STORAGE_INITIALIZER_IMAGE;
  }

  /** The CPU the engine wants of each pod, a quantity; {@value #DEFAULT_ENGINE_CPU} unless set. */
  @Value.Default
  default String engineCpu() {
    return DEFAULT_ENGINE_CPU;
  }

  /** The memory the engine wants of each pod; {@value #DEFAULT_ENGINE_MEMORY} unless set. */
  @Value.Default
  default String engineMemory() {
    return DEFAULT_ENGINE_MEMORY;
  }

  /** The Ingress class of every deployment's Ingress; the cluster's default class when absent. */
  @Nullable
  String ingressClassName();

  /** The host every deployment's Ingress answers to; any host when absent. */
  @Nullable
  String ingressHost();

  /** The TLS Secret of the ingress host; requires {@link #ingressHost()}. */
  @Nullable
  String ingressTlsSecret();

  /**
   * Annotations added to every deployment's Ingress. Those phdeploy sets itself (rewrite, regex,
   * basic authentication) take precedence. No {@code *-snippet} key is accepted.
   */
  Map<String, String> ingressAnnotations();

  /** How long a deployment may deploy before it is failed; {@code PT5M} unless set. */
  @Value.Default
  default Duration deployTimeout() {
    return DEFAULT_DEPLOY_TIMEOUT;
  }

  /**
   * How often a deploying deployment's progress (its message, its available replicas) is
   * written at most; a phase change is written at once. {@code PT10S} unless set.
   */
  @Value.Default
  default Duration progressInterval() {
    return Duration.ofSeconds(10);
  }

  /**
   * Whether every phase change is recorded as a Normal Event on the deployment (Deploying,
   * Deployed, Stopping, Stopped), as Kubernetes' own controllers record theirs, so that {@code
   * kubectl describe} tells the deployment's story; {@code true} unless set. Off, the API server
   * is spared two event writes per rollout, which counts in large fleets; the phase, its time
   * and the history stay in the status. A failure is recorded as a Warning Event either way.
   */
  @Value.Default
  default boolean normalEvents() {
    return true;
  }

  /** Pods a rollout may add above the desired replicas; 1 unless set. */
  @Value.Default
  default int maxSurge() {
    return 1;
  }

  /** Whether each deployment gets a Prometheus {@code PodMonitor}; {@code false} unless set. */
  @Value.Default
  default boolean podMonitorEnabled() {
    return false;
  }

  /** The claim {@code phfs://} URIs read from; {@value #DEFAULT_PHFS_CLAIM_NAME} unless set. */
  @Value.Default
  default String phfsClaimName() {
    return DEFAULT_PHFS_CLAIM_NAME;
  }

  /** The MLflow tracking server that {@code models:/} model URIs are fetched from. */
  @Nullable
  String mlflowTrackingUri();

  /** The engine's slice of each pod: {@link #engineCpu()} and {@link #engineMemory()}, no GPU. */
  default Resources engineSlice() {
    return new Resources(Quantities.cpuMillis(engineCpu()), Quantities.bytes(engineMemory()), 0);
  }

  /**
   * Rejects a configuration that cannot work or would be unsafe; Immutables calls this on every
   * instance it builds.
   *
   * @throws IllegalArgumentException naming every wrong setting
   */
  @Value.Check
  default void check() {
    List<String> problems = ConfigChecks.problemsOf(this);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid controller configuration: " + String.join("; ", problems));
    }
  }

  /** The configuration with every default. */
  static ControllerConfig defaults() {
    return builder().build();
  }

  /** A builder whose unset settings take their defaults. */
  static ImmutableControllerConfig.Builder builder() {
    return ImmutableControllerConfig.builder();
  }
}
