package io.primehub.phdeploy.core.catalog;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Looks a deployment's group and instance type up in the catalog and decides whether the
 * deployment may run there. The first rule broken decides, in this order: the group exists, its
 * administrator enabled model deployment, the user is a member, the instance type exists, and the
 * group may use it.
 */
public final class CatalogResolver {

  private CatalogResolver() {}

  /**
   * Resolves a deployment against the catalog its source knows now. A source that cannot be read
   * gives {@link CatalogVerdict.Unavailable}, so an outage never reads as a missing group.
   */
  public static CatalogVerdict resolve(CatalogSource source, PhDeploymentSpec spec) {
    Catalog catalog;
    try {
      catalog = source.catalog();
    } catch (CatalogUnavailableException e) {
      return new CatalogVerdict.Unavailable(e.getMessage());
    }
    return resolve(catalog, spec);
  }

  /**
   * Resolves a deployment against a catalog: {@link CatalogVerdict.Resolved} with the group and
   * the instance type of its predictor, or {@link CatalogVerdict.Rejected} with a failure whose
   * message quotes the names and says what to do.
   */
  public static CatalogVerdict resolve(Catalog catalog, PhDeploymentSpec spec) {
    Optional<Group> foundGroup = catalog.group(spec.groupName());
    if (foundGroup.isEmpty()) {
      return reject(
          FailureReason.GROUP_NOT_FOUND,
          "Group '" + spec.groupName() + "' does not exist. Check the deployment's group name,"
              + " or ask an administrator to create the group.");
    }
    Group group = foundGroup.get();
    if (!group.modelDeploymentEnabled()) {
      return reject(
          FailureReason.DEPLOYMENT_NOT_ENABLED,
          "Model deployment is not enabled for group '" + group.name() + "'. An administrator"
              + " must enable model deployment for the group before it can deploy models.");
    }
    if (!admits(group, spec.userId())) {
      return reject(
          FailureReason.USER_NOT_IN_GROUP,
          userLabel(spec) + " is not a member of group '" + group.name() + "'. Deploy for a"
              + " group the user belongs to, or ask an administrator to add the user to it.");
    }
    if (spec.predictors().isEmpty()) {
      return reject(
          FailureReason.INVALID_SPEC,
          "The deployment has no predictor. Add one that names a model image and an instance"
              + " type.");
    }
    String typeName = spec.predictor().instanceType();
    Optional<InstanceType> foundType = catalog.instanceType(typeName);
    if (foundType.isEmpty()) {
      return reject(
          FailureReason.INSTANCE_TYPE_NOT_FOUND,
          "Instance type '" + typeName + "' does not exist. " + choices(catalog, group));
    }
    InstanceType type = foundType.get();
    if (!type.allows(group.name())) {
      return reject(
          FailureReason.INSTANCE_TYPE_NOT_ALLOWED,
          "Group '" + group.name() + "' may not use instance type '" + typeName + "'. "
              + choices(catalog, group)
              + " An administrator can also allow '" + typeName + "' for the group.");
    }
    return new CatalogVerdict.Resolved(group, type);
  }

  /** Without a known membership, or a user id to check, anyone is admitted. */
  private static boolean admits(Group group, String userId) {
    return group.members() == null
        || userId == null
        || userId.isBlank()
        || group.members().contains(userId);
  }

  private static String userLabel(PhDeploymentSpec spec) {
    String name = spec.userName();
    return name == null || name.isBlank()
        ? "User id '" + spec.userId() + "'"
        : "User '" + name + "' (id '" + spec.userId() + "')";
  }

  private static String choices(Catalog catalog, Group group) {
    List<InstanceType> allowed = catalog.instanceTypesAllowedFor(group.name());
    if (allowed.isEmpty()) {
      return "Group '" + group.name() + "' may use no instance type yet; ask an administrator"
          + " to allow one for it.";
    }
    return "Group '" + group.name() + "' may use "
        + allowed.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "))
        + "; set the predictor's instanceType to one of them.";
  }

  private static CatalogVerdict reject(FailureReason reason, String message) {
    return new CatalogVerdict.Rejected(new Failure(reason, message));
  }
}
