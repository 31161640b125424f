package io.primehub.phdeploy.k8s.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Toleration;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.quota.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * PrimeHub's GraphQL query for the groups, and how its answer becomes a {@link Catalog}.
 *
 * <p>PrimeHub lists instance types per group. An instance type listed by any group as
 * {@code global} is open to every group; another is allowed for exactly the groups that list it.
 * Types are merged by name in the order they first appear.
 *
 * <p>Units: a quota or {@code spec} value that is a JSON string is taken as a Kubernetes
 * quantity as it stands ({@code "500m"}, {@code "2Gi"}). A JSON number is read the way PrimeHub
 * stores it: CPU in cores ({@code 0.5} becomes {@code 0.5}), GPUs as a count, and memory in
 * gigabytes, decimal as PrimeHub writes them into Kubernetes ({@code 16} becomes {@code 16G},
 * 16&nbsp;000&nbsp;000&nbsp;000 bytes, not {@code 16Gi}). {@code null} or an absent key means
 * no limit in a quota and nothing asked in a spec.
 */
final class PrimeHubCatalog {

  /** The one query phdeploy sends. */
  static final String QUERY = """
      query PhDeployCatalog {
        groups {
          id
          name
          enabledDeployment
          projectQuotaCpu
          projectQuotaGpu
          projectQuotaMemory
          users { id }
          instanceTypes { name spec global }
        }
      }
      """;

  private static final Map<ResourceKind, String> QUOTA_FIELDS = Map.of(
      ResourceKind.CPU, "projectQuotaCpu",
      ResourceKind.MEMORY, "projectQuotaMemory",
      ResourceKind.GPU, "projectQuotaGpu");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> NODE_SELECTOR = new TypeReference<>() {};
  private static final TypeReference<List<Toleration>> TOLERATIONS = new TypeReference<>() {};

  private final Map<String, InstanceType> types = new LinkedHashMap<>();
  private final Map<String, List<String>> typeGroups = new LinkedHashMap<>();

  private PrimeHubCatalog() {}

  /**
   * The catalog in the {@code data} of an answer to {@link #QUERY}.
   *
   * @throws IllegalArgumentException naming the field, such as
   *     {@code groups[0].instanceTypes[1].spec.limits.cpu}, that is missing or of the wrong type
   */
  static Catalog fromData(JsonNode data) {
    JsonNode groups = data.path("groups");
    if (!groups.isArray()) {
      throw new IllegalArgumentException("groups is not a list");
    }
    PrimeHubCatalog reader = new PrimeHubCatalog();
    List<Group> read = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      read.add(reader.group(groups.get(i), "groups[" + i + "]"));
    }
    return Catalog.builder().groups(read).instanceTypes(reader.instanceTypes()).build();
  }

  private Group group(JsonNode group, String path) {
    String name = text(group, "name", path);
    JsonNode instanceTypes = group.path("instanceTypes");
    for (int i = 0; i < instanceTypes.size(); i++) {
      instanceType(instanceTypes.get(i), path + ".instanceTypes[" + i + "]", name);
    }
    // PrimeHub answers a list of users when it knows them, so an empty list admits nobody.
    JsonNode users = group.path("users");
    List<String> members = users.isArray() ? new ArrayList<>() : null;
    for (int i = 0; i < users.size(); i++) {
      members.add(text(users.get(i), "id", path + ".users[" + i + "]"));
    }
    return Group.builder()
        .id(text(group, "id", path))
        .name(name)
        .modelDeploymentEnabled(group.path("enabledDeployment").asBoolean(false))
        .quota(quantities(group, path, QUOTA_FIELDS::get))
        .members(members)
        .build();
  }

  private void instanceType(JsonNode type, String path, String groupName) {
    String name = text(type, "name", path);
    boolean global = type.path("global").asBoolean(false);
    typeGroups.computeIfAbsent(name, n -> new ArrayList<>()).add(groupName);
    InstanceType seen = types.get(name);
    if (seen != null) {
      if (global && !seen.global()) {
        types.put(name, InstanceType.builder().from(seen).global(true).build());
      }
      return;
    }
    String specPath = path + ".spec";
    JsonNode spec = type.path("spec");
    if (!spec.isObject()) {
      throw new IllegalArgumentException(specPath + " is not a JSON object");
    }
    ResourceQuantities requests = quantities(spec, specPath, kind -> "requests." + kind.wireName());
    types.put(name, InstanceType.builder()
        .name(name)
        .global(global)
        .limits(quantities(spec, specPath, kind -> "limits." + kind.wireName()))
        .requests(requests.isEmpty() ? null : requests)
        .nodeSelector(convert(spec, "nodeSelector", specPath, NODE_SELECTOR, Map.of()))
        .tolerations(convert(spec, "tolerations", specPath, TOLERATIONS, List.of()))
        .build());
  }

  private List<InstanceType> instanceTypes() {
    return types.values().stream()
        .map(type -> type.global()
            ? type
            : InstanceType.builder().from(type).groups(typeGroups.get(type.name())).build())
        .toList();
  }

  private static ResourceQuantities quantities(
      JsonNode owner, String path, Function<ResourceKind, String> field) {
    return ResourceQuantities.of(
        quantity(owner, path, field, ResourceKind.CPU),
        quantity(owner, path, field, ResourceKind.MEMORY),
        quantity(owner, path, field, ResourceKind.GPU));
  }

  private static @Nullable String quantity(
      JsonNode owner, String path, Function<ResourceKind, String> field, ResourceKind kind) {
    String name = field.apply(kind);
    JsonNode value = owner.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText().trim();
    }
    if (value.isNumber()) {
      String amount = value.decimalValue().stripTrailingZeros().toPlainString();
      return kind == ResourceKind.MEMORY ? amount + "G" : amount;
    }
    throw new IllegalArgumentException(
        path + "." + name + " is " + value + "; expected a number, a quantity or null");
  }

  private static String text(JsonNode owner, String field, String path) {
    JsonNode value = owner.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(path + "." + field + " is not a string");
    }
    return value.asText();
  }

  private static <T> T convert(
      JsonNode spec, String field, String path, TypeReference<T> type, T absent) {
    JsonNode value = spec.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return absent;
    }
    try {
      return JSON.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "." + field + " is malformed: " + e.getMessage(),
          e);
    }
  }
}
