package io.primehub.phdeploy.k8s.standalone;

import io.primehub.phdeploy.k8s.catalog.CatalogSources;
import java.util.Arrays;
import java.util.Optional;

/** The environment variables the standalone controller reads. */
public enum Variable {

  /** PrimeHub's switch of model deployment; must be {@code true}. */
  FEATURE("PRIMEHUB_FEATURE_MODEL_DEPLOYMENT"),
  /** The switch as the seed spells it, accepted when the right spelling is unset. */
  FEATURE_SEED_SPELLING("PRIMEHUB_FEATURE_MODEL_DEPLOYEMNT"),
  /** The namespace to watch; all namespaces when empty. */
  NAMESPACE("PHDEPLOY_NAMESPACE"),
  /** The prefix of every prediction endpoint. */
  BASE_URL("PHDEPLOY_BASE_URL"),
  /** The path of a YAML catalog. */
  CATALOG(CatalogSources.CATALOG_VARIABLE),
  /** The URL of PrimeHub's GraphQL API, the other catalog. */
  GRAPHQL_URL(CatalogSources.GRAPHQL_URL_VARIABLE),
  /** The secret of PrimeHub's GraphQL API; never printed. */
  GRAPHQL_SECRET(CatalogSources.GRAPHQL_SECRET_VARIABLE),
  /** The Seldon engine image. */
  ENGINE_IMAGE("PHDEPLOY_ENGINE_IMAGE"),
  /** How long a deployment may deploy before it fails, ISO-8601. */
  DEPLOY_TIMEOUT("PHDEPLOY_DEPLOY_TIMEOUT"),
  /** How often a deploying deployment's progress is written at most. */
  PROGRESS_INTERVAL("PHDEPLOY_PROGRESS_INTERVAL"),
  /** The Ingress class of every deployment's Ingress. */
  INGRESS_CLASS("PHDEPLOY_INGRESS_CLASS"),
  /** The host of every deployment's Ingress. */
  INGRESS_HOST("PHDEPLOY_INGRESS_HOST"),
  /** The TLS Secret of the ingress host. */
  INGRESS_TLS_SECRET("PHDEPLOY_INGRESS_TLS_SECRET"),
  /** Whether instances elect a leader that alone processes. */
  LEADER_ELECTION("PHDEPLOY_LEADER_ELECTION"),
  /** Where the leader election's Lease lies. */
  LEASE_NAMESPACE("PHDEPLOY_LEASE_NAMESPACE"),
  /** How many deployments are reconciled at once. */
  WORKERS("PHDEPLOY_WORKERS"),
  /** Whether each deployment gets a Prometheus Operator PodMonitor. */
  PODMONITOR("PHDEPLOY_PODMONITOR"),
  /** Whether phase changes other than failures are recorded as Normal Events. */
  NORMAL_EVENTS("PHDEPLOY_NORMAL_EVENTS"),
  /** The port of the health and metrics endpoints; 0 turns them off. */
  HEALTH_PORT("PHDEPLOY_HEALTH_PORT");

  /** The prefix of the controller's own variables; an unknown name with it is a typo. */
  public static final String PREFIX = "PHDEPLOY_";

  private final String variableName;

  Variable(String variableName) {
    this.variableName = variableName;
  }

  /** The variable's name in the environment. */
  public String variableName() {
    return variableName;
  }

  /** The variable of this name, if the controller reads one. */
  public static Optional<Variable> named(String name) {
    return Arrays.stream(values()).filter(v -> v.variableName.equals(name)).findFirst();
  }
}
