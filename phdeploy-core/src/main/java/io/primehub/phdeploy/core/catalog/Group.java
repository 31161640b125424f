package io.primehub.phdeploy.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import org.immutables.value.Value;

/**
 * A PrimeHub group: who may deploy on its behalf, whether its administrator has enabled model
 * deployment, and the resources its deployments may use together.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGroup.class)
@JsonDeserialize(as = ImmutableGroup.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface Group {

  /** The group's id. */
  @JsonProperty("id")
  @Value.Default
  default String id() {
    return "";
  }

  /** The group's name, which deployments give as {@code spec.groupName}. */
  @JsonProperty("name")
  String name();

  /** Whether an administrator enabled model deployment for the group; {@code false} unless set. */
  @JsonProperty("modelDeployment")
  @Value.Default
  default boolean modelDeploymentEnabled() {
    return false;
  }

  /** The group's quota; an absent resource is not limited. */
  @JsonProperty("quota")
  @Value.Default
  default ResourceQuantities quota() {
    return ResourceQuantities.none();
  }

  /**
   * The ids of the group's users, or {@code null} when the source does not know the membership
   * (then anyone may deploy for the group). An empty list is known: nobody is a member.
   */
  @JsonProperty("members")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Nullable
  List<String> members();

  /** A builder. */
  static ImmutableGroup.Builder builder() {
    return ImmutableGroup.builder();
  }
}
