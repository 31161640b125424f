package io.primehub.phdeploy.core.quota;

/**
 * One resource of a group's quota that cannot hold a request, with the figures a person needs to
 * act on it, each in the unit of {@link ResourceKind#named(String) its resource}.
 *
 * @param resource {@code cpu}, {@code memory} or {@code gpu}
 * @param requested what the deployment asks for
 * @param used what the group's other pods already hold
 * @param limit the group's quota of this resource
 */
public record Shortfall(String resource, long requested, long used, long limit) {

  /**
   * A shortfall.
   *
   * @throws IllegalArgumentException if the resource is not one a quota limits, or the figures
   *     do not exceed the limit
   */
  public Shortfall {
    ResourceKind.named(resource);
    if (Math.addExact(requested, used) <= limit) {
      throw new IllegalArgumentException(
          resource + ": requested " + requested + " and used " + used
              + " fit the limit " + limit + "; that is no shortfall");
    }
  }

  /** How much more quota the request needs: requested plus used, minus the limit. */
  public long shortBy() {
    return requested + used - limit;
  }

  /** For example {@code cpu: requests 3, 6500m of 8 in use, short by 1500m}. */
  @Override
  public String toString() {
    ResourceKind kind = ResourceKind.named(resource);
    return resource + ": requests " + kind.format(requested)
        + ", " + kind.format(used) + " of " + kind.format(limit) + " in use"
        + ", short by " + kind.format(shortBy());
  }
}
