package io.primehub.phdeploy.k8s.standalone;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import io.primehub.phdeploy.k8s.catalog.CatalogSources;
import io.primehub.phdeploy.k8s.catalog.CloseableCatalogSource;
import io.primehub.phdeploy.k8s.catalog.FileCatalogSource;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone controller's settings, read from its environment: what to watch, how to deploy,
 * where the catalog is, and how to run. Reading them opens the catalog source, which these
 * settings own until {@link #close()}.
 *
 * @param namespace the namespace to watch, or {@code null} for all
 * @param leaderElection whether instances elect a leader, which alone processes
 * @param leaseNamespace the namespace of the election's Lease: {@code PHDEPLOY_LEASE_NAMESPACE},
 *     else the watched namespace, else {@value #DEFAULT_LEASE_NAMESPACE}
 * @param workers how many deployments are reconciled at once
 * @param healthPort the port of the health and metrics endpoints; 0 when they are off
 * @param config how to deploy
 * @param catalog where groups and instance types come from
 * @param unknownVariables variables with the controller's prefix that it does not read: typos,
 *     most likely
 */
public record ControllerSettings(
    @Nullable String namespace,
    boolean leaderElection,
    String leaseNamespace,
    int workers,
    int healthPort,
    ControllerConfig config,
    CloseableCatalogSource catalog,
    List<String> unknownVariables) implements AutoCloseable {

  /** The namespace of the leader election's Lease when no namespace says otherwise. */
  public static final String DEFAULT_LEASE_NAMESPACE = "default";

  /** Deployments reconciled at once unless {@code PHDEPLOY_WORKERS} says otherwise. */
  public static final int DEFAULT_WORKERS = 4;

  /** The port of the health and metrics endpoints unless {@code PHDEPLOY_HEALTH_PORT} says otherwise. */
  public static final int DEFAULT_HEALTH_PORT = 8080;

  /** More workers than this would only queue up on the API server's rate limits. */
  private static final int MAX_WORKERS = 64;

  /** Settings as given; {@code unknownVariables} is copied. */
  public ControllerSettings {
    unknownVariables = List.copyOf(unknownVariables);
  }

  /**
   * Reads the settings from {@code environment}.
   *
   * @throws InvalidSettingsException listing every problem, each naming its variable; no
   *     message holds the GraphQL secret
   */
  public static ControllerSettings fromEnvironment(Map<String, String> environment) {
    EnvironmentReader reader = new EnvironmentReader(environment);
    checkFeatureSwitch(reader);
    String namespace = reader.namespace(Variable.NAMESPACE).orElse(null);
    boolean leaderElection = reader.flag(Variable.LEADER_ELECTION).orElse(false);
    String leaseNamespace = reader.namespace(Variable.LEASE_NAMESPACE)
        .or(() -> Optional.ofNullable(namespace))
        .orElse(DEFAULT_LEASE_NAMESPACE);
    int workers = reader.integer(Variable.WORKERS, DEFAULT_WORKERS, 1, MAX_WORKERS);
    int healthPort = reader.integer(Variable.HEALTH_PORT, DEFAULT_HEALTH_PORT, 0, 65_535);
    ControllerConfig config = ConfigFromEnvironment.read(reader);
    CloseableCatalogSource catalog = catalog(environment, reader);
    if (!reader.problems().isEmpty()) {
      if (catalog != null) {
        catalog.close();
      }
      // A misspelt name is often why a setting looks missing.
      reader.unknownNames().forEach(name -> reader.problem(name + " is set but is no setting of"
          + " the controller; a misspelling?"));
      throw new InvalidSettingsException(reader.problems());
    }
    return new ControllerSettings(namespace, leaderElection, leaseNamespace, workers, healthPort,
        config, catalog, reader.unknownNames());
  }

  /** Closes the catalog source. */
  @Override
  public void close() {
    catalog.close();
  }

  /** The settings for a log line; never the GraphQL secret. */
  @Override
  public String toString() {
    return "namespace=" + (namespace == null ? "<all>" : namespace)
        + ", catalog=" + catalog
        + ", baseUrl=" + config.baseUrl()
        + ", engineImage=" + config.engineImage()
        + ", deployTimeout=" + config.deployTimeout()
        + ", ingressClass=" + config.ingressClassName()
        + ", ingressHost=" + config.ingressHost()
        + ", podMonitors=" + config.podMonitorEnabled()
        + ", leaderElection=" + (leaderElection ? "lease in " + leaseNamespace : "off")
        + ", workers=" + workers
        + ", healthPort=" + (healthPort == 0 ? "off" : healthPort);
  }

  private static void checkFeatureSwitch(EnvironmentReader reader) {
    Variable named = reader.text(Variable.FEATURE).isPresent() ? Variable.FEATURE
        : reader.text(Variable.FEATURE_SEED_SPELLING).isPresent() ? Variable.FEATURE_SEED_SPELLING
        : null;
    if (named == null) {
      reader.problem(Variable.FEATURE, "is not set: model deployment is a PrimeHub feature that"
          + " must be switched on; set " + Variable.FEATURE.variableName() + "=true");
    } else if (!reader.flag(named).orElse(true)) {
      reader.problem(named, "is false: model deployment is switched off, so the controller does"
          + " not run; set " + Variable.FEATURE.variableName() + "=true to switch it on");
    }
  }

  /** The catalog source, or {@code null} after recording why there is none. */
  private static @Nullable CloseableCatalogSource catalog(
      Map<String, String> environment, EnvironmentReader reader) {
    CloseableCatalogSource catalog;
    try {
      catalog = CatalogSources.fromEnvironment(environment);
    } catch (IllegalArgumentException e) {
      reader.problem(e.getMessage());
      return null;
    }
    if (catalog instanceof FileCatalogSource file) {
      // A file that is unusable at start is a wrong path or a broken file, not an outage.
      try {
        file.catalog();
      } catch (CatalogUnavailableException e) {
        reader.problem(Variable.CATALOG, "names an unusable catalog: " + e.getMessage());
      }
    }
    return catalog;
  }
}
