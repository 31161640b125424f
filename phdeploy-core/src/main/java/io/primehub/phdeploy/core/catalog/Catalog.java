package io.primehub.phdeploy.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The groups and instance types known at one moment, in the shape of {@code catalog.yaml}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCatalog.class)
@JsonDeserialize(as = ImmutableCatalog.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface Catalog {

  /** The groups. */
  @JsonProperty("groups")
  List<Group> groups();

  /** The instance types. */
  @JsonProperty("instanceTypes")
  List<InstanceType> instanceTypes();

  /** The group of this name. */
  default Optional<Group> group(String name) {
    return groups().stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The instance type of this name. */
  default Optional<InstanceType> instanceType(String name) {
    return instanceTypes().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The instance types a group of this name may use, in catalog order. */
  default List<InstanceType> instanceTypesAllowedFor(String groupName) {
    return instanceTypes().stream().filter(t -> t.allows(groupName)).toList();
  }

  /** A catalog with nothing in it. */
  static Catalog empty() {
    return ImmutableCatalog.builder().build();
  }

  /** A builder. */
  static ImmutableCatalog.Builder builder() {
    return ImmutableCatalog.builder();
  }
}
