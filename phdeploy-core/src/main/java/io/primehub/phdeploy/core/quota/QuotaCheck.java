package io.primehub.phdeploy.core.quota;

import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import java.util.ArrayList;
import java.util.List;

/** Decides whether a request fits a group's quota beside what the group already uses. */
public final class QuotaCheck {

  private QuotaCheck() {}

  /**
   * Whether a quota limits any resource. One that limits none holds every request, so what the
   * group already uses need not be read for it.
   */
  public static boolean limitsAnything(ResourceQuantities quota) {
    for (ResourceKind kind : ResourceKind.values()) {
      if (kind.quantityIn(quota) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks each resource of a quota. A resource the quota leaves absent is unlimited. A resource
   * the request does not ask for always fits, even where the group already uses more than its
   * quota (after an administrator lowered it): asking for none of it cannot make that worse, and
   * a CPU-only pod must fit a group whose GPU quota is zero.
   *
   * @param quota the group's quota
   * @param usedByOthers what the group's other pods hold: the sum of their limits
   * @param requested what this deployment needs, for example its {@link DeploymentFootprint}
   * @throws IllegalArgumentException naming the resource if a quota value is malformed
   */
  public static QuotaVerdict check(
      ResourceQuantities quota, Resources usedByOthers, Resources requested) {
    List<Shortfall> shortfalls = new ArrayList<>();
    for (ResourceKind kind : ResourceKind.values()) {
      String limitText = kind.quantityIn(quota);
      if (limitText == null) {
        continue;
      }
      long limit = parseLimit(kind, limitText);
      long asked = kind.amountIn(requested);
      long used = kind.amountIn(usedByOthers);
      if (asked > 0 && Math.addExact(used, asked) > limit) {
        shortfalls.add(new Shortfall(kind.wireName(), asked, used, limit));
      }
    }
    return new QuotaVerdict(shortfalls);
  }

  private static long parseLimit(ResourceKind kind, String text) {
    try {
      return kind.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("quota." + e.getMessage(), e);
    }
  }
}
