package io.primehub.phdeploy.core.catalog;

import io.primehub.phdeploy.core.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A catalog held in memory and changed by calls, for the testkit and for applications that
 * embed phdeploy and know their groups themselves. It can also play an outage, so that a test can
 * check that an unreachable catalog is retried rather than taken for a missing group.
 *
 * <p>Thread-safe: every change is applied atomically to an immutable {@link Catalog}, so readers
 * always see a whole catalog and concurrent changes are never lost. Changes return this source,
 * so that they chain.
 */
public final class InMemoryCatalogSource implements CatalogSource {

  private final AtomicReference<Catalog> catalog;
  private final CatalogListeners listeners = new CatalogListeners();
  private volatile @Nullable String outage;

  private InMemoryCatalogSource(Catalog catalog) {
    this.catalog = new AtomicReference<>(Objects.requireNonNull(catalog, "catalog"));
  }

  /** A source that holds this catalog until it is changed. */
  public static InMemoryCatalogSource of(Catalog catalog) {
    return new InMemoryCatalogSource(catalog);
  }

  /**
   * The catalog as it is now.
   *
   * @throws CatalogUnavailableException with the outage message while {@link #failWith failing}
   */
  @Override
  public Catalog catalog() throws CatalogUnavailableException {
    String message = outage;
    if (message != null) {
      throw new CatalogUnavailableException(message);
    }
    return catalog.get();
  }

  /** Listeners are told after every change, outage and recovery. */
  @Override
  public CatalogSubscription subscribe(Runnable onChange) {
    return listeners.add(onChange);
  }

  /** Adds a group, or replaces the group of the same name where it stood. */
  public InMemoryCatalogSource put(Group group) {
    Objects.requireNonNull(group, "group");
    return update(c -> withGroups(c, upsert(c.groups(), group, Group::name)));
  }

  /** Adds an instance type, or replaces the instance type of the same name where it stood. */
  public InMemoryCatalogSource put(InstanceType instanceType) {
    Objects.requireNonNull(instanceType, "instanceType");
    return update(
        c -> withInstanceTypes(c, upsert(c.instanceTypes(), instanceType, InstanceType::name)));
  }

  /** Removes the group of this name, if there is one. */
  public InMemoryCatalogSource removeGroup(String name) {
    return update(c -> withGroups(c, without(c.groups(), name, Group::name)));
  }

  /** Removes the instance type of this name, if there is one. */
  public InMemoryCatalogSource removeInstanceType(String name) {
    return update(
        c -> withInstanceTypes(c, without(c.instanceTypes(), name, InstanceType::name)));
  }

  /** Replaces the whole catalog, as a reloaded catalog file would. */
  public InMemoryCatalogSource replace(Catalog replacement) {
    Objects.requireNonNull(replacement, "replacement");
    return update(c -> replacement);
  }

  /**
   * Turns model deployment on for a group, the administrator's step before the group can deploy.
   *
   * @throws IllegalArgumentException if the catalog has no group of this name
   */
  public InMemoryCatalogSource enableModelDeployment(String groupName) {
    return update(
        c -> {
          Group group =
              c.group(groupName)
                  .orElseThrow(
                      () -> new IllegalArgumentException(
                          "the catalog has no group '" + groupName + "' to enable"));
          return withGroups(
              c,
              upsert(
                  c.groups(),
                  ImmutableGroup.copyOf(group).withModelDeploymentEnabled(true),
                  Group::name));
        });
  }

  /**
   * Plays an outage: until {@link #recover()}, {@link #catalog()} throws a
   * {@link CatalogUnavailableException} with this message. Changes made meanwhile still apply and
   * show after recovery.
   */
  public InMemoryCatalogSource failWith(String outageMessage) {
    outage = Objects.requireNonNull(outageMessage, "outageMessage");
    listeners.fire();
    return this;
  }

  /** Ends an outage begun by {@link #failWith}; does nothing when there is none. */
  public InMemoryCatalogSource recover() {
    if (outage != null) {
      outage = null;
      listeners.fire();
    }
    return this;
  }

  private InMemoryCatalogSource update(UnaryOperator<Catalog> change) {
    Catalog before = catalog.get();
    Catalog after = catalog.updateAndGet(change);
    if (!after.equals(before)) {
      listeners.fire();
    }
    return this;
  }

  private static Catalog withGroups(Catalog catalog, List<Group> groups) {
    return ImmutableCatalog.copyOf(catalog).withGroups(groups);
  }

  private static Catalog withInstanceTypes(Catalog catalog, List<InstanceType> instanceTypes) {
    return ImmutableCatalog.copyOf(catalog).withInstanceTypes(instanceTypes);
  }

  private static <T> List<T> upsert(List<T> items, T item, Function<T, String> name) {
    List<T> result = new ArrayList<>(items);
    String key = name.apply(item);
    for (int i = 0; i < result.size(); i++) {
      if (name.apply(result.get(i)).equals(key)) {
        result.set(i, item);
        return result;
      }
    }
    result.add(item);
    return result;
  }

  private static <T> List<T> without(List<T> items, String key, Function<T, String> name) {
    return items.stream().filter(item -> !name.apply(item).equals(key)).toList();
  }
}
