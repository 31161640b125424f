package io.primehub.phdeploy.k8s.catalog;

import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.quota.ResourceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a catalog must hold for the controller to decide with it, whichever source it came from:
 * names that are present and unique, quantities Kubernetes can read, requests no larger than
 * their limits, and tolerations without unknown fields. Every problem is reported at once, each
 * at the field it is in.
 */
final class CatalogRules {

  private final List<String> problems = new ArrayList<>();

  private CatalogRules() {}

  /**
   * Checks a catalog.
   *
   * @throws IllegalArgumentException naming every field that breaks a rule
   */
  static void check(Catalog catalog) {
    CatalogRules rules = new CatalogRules();
    rules.uniqueNames("groups", catalog.groups(), Group::name);
    for (int i = 0; i < catalog.groups().size(); i++) {
      rules.amounts("groups[" + i + "].quota", catalog.groups().get(i).quota());
    }
    rules.uniqueNames("instanceTypes", catalog.instanceTypes(), InstanceType::name);
    for (int i = 0; i < catalog.instanceTypes().size(); i++) {
      rules.instanceType("instanceTypes[" + i + "]", catalog.instanceTypes().get(i));
    }
    if (!rules.problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the catalog is invalid: " + String.join("; ", rules.problems));
    }
  }

  private <T> void uniqueNames(String list, List<T> items, Function<T, String> name) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String value = name.apply(items.get(i));
      String field = list + "[" + i + "].name";
      if (value.isBlank()) {
        problems.add(field + " is blank");
        continue;
      }
      Integer first = firstIndex.putIfAbsent(value, i);
      if (first != null) {
        problems.add(field + " '" + value + "' is already the name of " + list + "[" + first + "]");
      }
    }
  }

  private void instanceType(String field, InstanceType type) {
    for (int i = 0; i < type.tolerations().size(); i++) {
      // fabric8 keeps a field it does not know instead of failing, so a misspelt "operator"
      // would silently leave the pod unable to run where the administrator meant it to.
      for (String unknown : type.tolerations().get(i).getAdditionalProperties().keySet()) {
        problems.add(field + ".tolerations[" + i + "] has the unknown field '" + unknown + "'");
      }
    }
    Map<ResourceKind, Long> limits = amounts(field + ".limits", type.limits());
    ResourceQuantities requests = type.requests();
    if (requests == null) {
      return;
    }
    amounts(field + ".requests", requests).forEach((kind, request) -> {
      Long limit = limits.get(kind);
      if (limit != null && request > limit) {
        problems.add(field + ".requests." + kind.wireName() + " " + kind.quantityIn(requests)
            + " is more than limits." + kind.wireName() + " " + kind.quantityIn(type.limits()));
      }
    });
  }

  /** The amounts that are present and readable; each unreadable one is a problem. */
  private Map<ResourceKind, Long> amounts(String field, ResourceQuantities quantities) {
    Map<ResourceKind, Long> amounts = new EnumMap<>(ResourceKind.class);
    for (ResourceKind kind : ResourceKind.values()) {
      String quantity = kind.quantityIn(quantities);
      if (quantity == null) {
        continue;
      }
      try {
        amounts.put(kind, kind.parse(quantity));
      } catch (IllegalArgumentException e) {
        // ResourceKind's message starts with the resource's name, which completes the field.
        problems.add(field + "." + e.getMessage());
      }
    }
    return amounts;
  }
}
