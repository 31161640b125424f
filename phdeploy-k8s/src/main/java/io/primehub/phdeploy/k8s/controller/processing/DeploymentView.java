package io.primehub.phdeploy.k8s.controller.processing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.SpecReader;
import io.primehub.phdeploy.k8s.resource.PhDeployment;

/**
 * A PhDeployment as the cache holds it, read one object at a time so that a malformed one
 * yields a {@link #specProblem()} instead of stopping anything: the spec or why it cannot be
 * read, the status without history, and the history's summary.
 *
 * @param resource the cached object, without history
 * @param spec the spec, or {@code null} when it cannot be read
 * @param specProblem why the spec cannot be read, or {@code null}
 * @param storedStatus the stored status without history, as JSON, or {@code null}
 * @param status the stored status, or {@code null} when there is none or it cannot be read
 * @param history the summary of the stored history
 */
public record DeploymentView(
    GenericKubernetesResource resource,
    @Nullable PhDeploymentSpec spec,
    @Nullable InvalidSpecException specProblem,
    @Nullable JsonNode storedStatus,
    @Nullable PhDeploymentStatus status,
    HistorySummary history) {

  private static final ObjectMapper TOLERANT = WireJson.mapper().copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads a cached object and its history summary. */
  public static DeploymentView of(GenericKubernetesResource resource, HistorySummary history) {
    String name = resource.getMetadata().getName();
    JsonNode specNode = WireJson.mapper().valueToTree(resource.getAdditionalProperties().get("spec"));
    PhDeploymentSpec spec = null;
    InvalidSpecException problem = null;
    try {
      spec = SpecReader.read(name, specNode);
    } catch (InvalidSpecException e) {
      problem = e;
    }
    JsonNode storedStatus =
        WireJson.mapper().valueToTree(resource.getAdditionalProperties().get("status"));
    if (storedStatus != null && storedStatus.isNull()) {
      storedStatus = null;
    }
    return new DeploymentView(
        resource, spec, problem, storedStatus, readStatus(storedStatus), history);
  }

  /** {@code namespace/name}. */
  public String key() {
    return metadata().getNamespace() + "/" + metadata().getName();
  }

  /** The object's metadata. */
  public ObjectMeta metadata() {
    return resource.getMetadata();
  }

  /** {@code metadata.generation}, 1 for an object the server never counted. */
  public long generation() {
    Long generation = metadata().getGeneration();
    return generation == null ? 1 : generation;
  }

  /**
   * The typed resource, for building owned objects and their owner references.
   *
   * @throws IllegalStateException if the spec cannot be read
   */
  public PhDeployment toResource() {
    if (spec == null) {
      throw new IllegalStateException(key() + " has no readable spec");
    }
    PhDeployment deployment = PhDeployment.of(metadata().getNamespace(), metadata().getName(), spec);
    deployment.getMetadata().setUid(metadata().getUid());
    deployment.getMetadata().setGeneration(metadata().getGeneration());
    deployment.getMetadata().setResourceVersion(metadata().getResourceVersion());
    deployment.setStatus(status);
    return deployment;
  }

  private static PhDeploymentStatus readStatus(JsonNode storedStatus) {
    if (storedStatus == null || !storedStatus.isObject()) {
      return null;
    }
    try {
      return TOLERANT.treeToValue(storedStatus, PhDeploymentStatus.class);
    } catch (Exception unreadable) {
      // A status the controller cannot read is replaced as a whole by the next write.
      return null;
    }
  }
}
