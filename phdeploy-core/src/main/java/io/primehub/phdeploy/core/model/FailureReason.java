package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a deployment is {@link Phase#FAILED}, as written to {@code status.reason}: a stable,
 * machine-readable name in the style of Kubernetes condition reasons.
 */
public enum FailureReason {
  /** The spec names a group the catalog does not know. */
  GROUP_NOT_FOUND("GroupNotFound"),
  /** The administrator has not enabled model deployment for the group. */
  DEPLOYMENT_NOT_ENABLED("ModelDeploymentNotEnabled"),
  /** The spec names an instance type the catalog does not know. */
  INSTANCE_TYPE_NOT_FOUND("InstanceTypeNotFound"),
  /** The instance type exists but the group may not use it. */
  INSTANCE_TYPE_NOT_ALLOWED("InstanceTypeNotAllowed"),
  /** The user is not a member of the group. */
  USER_NOT_IN_GROUP("UserNotInGroup"),
  /** The spec breaks a validation rule, or the object does not match the schema at all. */
  INVALID_SPEC("InvalidSpec"),
  /** The model image reference is not a valid image name. */
  IMAGE_INVALID("ImageInvalid"),
  /** The model image cannot be pulled: it does not exist, or it is private and no secret fits. */
  IMAGE_PULL_FAILED("ImagePullFailed"),
  /** The group's resource quota cannot hold the pods this deployment needs. */
  GROUP_QUOTA_EXCEEDED("GroupQuotaExceeded"),
  /** No node has room for a pod: the scheduler reports it unschedulable. */
  CLUSTER_RESOURCE_INSUFFICIENT("ClusterResourceInsufficient"),
  /** The model container keeps crashing. */
  CONTAINER_CRASHING("ContainerCrashing"),
  /** The init container that copies the model from its URI failed. */
  MODEL_STORAGE_INIT_FAILED("ModelStorageInitFailed"),
  /** The deployment has been deploying for longer than the deploy timeout. */
  DEPLOY_TIMEOUT("DeployTimeout");

  private final String wireName;

  FailureReason(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, for example {@code GroupQuotaExceeded}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a reason from its wire name.
   *
   * @throws IllegalArgumentException if the name is no known reason
   */
  @JsonCreator
  public static FailureReason fromWireName(String name) {
    for (FailureReason reason : values()) {
      if (reason.wireName.equals(name)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown failure reason '" + name + "'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
