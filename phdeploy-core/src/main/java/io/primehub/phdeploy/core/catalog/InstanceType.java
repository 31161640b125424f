package io.primehub.phdeploy.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.Toleration;
import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A size of pod a deployment may pick: its resource limits and requests, and where it may run.
 * A global instance type is open to every group; another only to the {@link #groups()} listed.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstanceType.class)
@JsonDeserialize(as = ImmutableInstanceType.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface InstanceType {

  /** The name deployments give as {@code instanceType}. */
  @JsonProperty("name")
  String name();

  /** What a pod of this type may use at most; this is what a group's quota counts. */
  @JsonProperty("limits")
  @Value.Default
  default ResourceQuantities limits() {
    return ResourceQuantities.none();
  }

  /** What a pod of this type is guaranteed; absent means equal to the limits. */
  @JsonProperty("requests")
  @Nullable
  ResourceQuantities requests();

  /** Node labels a pod of this type must run on. */
  @JsonProperty("nodeSelector")
  Map<String, String> nodeSelector();

  /** Taints a pod of this type tolerates. */
  @JsonProperty("tolerations")
  List<Toleration> tolerations();

  /** Whether every group may use this type. */
  @JsonProperty("global")
  @Value.Default
  default boolean global() {
    return false;
  }

  /** The names of the groups that may use this type when it is not global. */
  @JsonProperty("groups")
  List<String> groups();

  /** The requests, or the limits where no request is given. */
  @JsonIgnore
  default ResourceQuantities effectiveRequests() {
    ResourceQuantities requests = requests();
    if (requests == null) {
      return limits();
    }
    return ResourceQuantities.of(
        requests.cpu() != null ? requests.cpu() : limits().cpu(),
        requests.memory() != null ? requests.memory() : limits().memory(),
        requests.gpu() != null ? requests.gpu() : limits().gpu());
  }

  /** Whether a group of this name may use this type. */
  default boolean allows(String groupName) {
    return global() || groups().contains(groupName);
  }

  /** A builder. */
  static ImmutableInstanceType.Builder builder() {
    return ImmutableInstanceType.builder();
  }
}
