package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.naming.DeploymentIds;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.net.HttpURLConnection;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes specs to the server, each validated first so that an invalid one never leaves the
 * client. Updates are optimistic: read, change, write with the version read, and on a conflict
 * read and change again.
 */
final class SpecWriter {

  private static final Logger LOG = LoggerFactory.getLogger(SpecWriter.class);

  private final Scope scope;
  private final SpecValidator validator;
  private final ConflictRetry conflictRetry;

  SpecWriter(Scope scope, SpecValidator validator, ConflictRetry conflictRetry) {
    this.scope = scope;
    this.validator = validator;
    this.conflictRetry = conflictRetry;
  }

  /**
   * Creates a deployment with {@code spec}.
   *
   * @param requestedName its name, or null to generate one from the display name, as PrimeHub
   *     does; the spec is validated first, so that no made-up name appears in its violations
   */
  PhDeployment create(@Nullable String requestedName, PhDeploymentSpec spec) {
    validator.requireValid(requestedName, spec);
    String name = requestedName != null
        ? requestedName
        : DeploymentIds.generate(spec.displayName());
    PhDeployment created;
    try {
      created =
          scope.deployments().resource(PhDeployment.of(scope.namespace(), name, spec)).create();
    } catch (KubernetesClientException e) {
      if (ConflictRetry.isConflict(e)) {
        throw new PhDeploymentAlreadyExistsException(scope.namespace(), name, e);
      }
      throw e;
    }
    Predictor predictor = spec.predictor();
    LOG.info("created PhDeployment {}: {} replicas of {} on {} for group {}", scope.key(name),
        predictor.replicas(), predictor.modelImage(), predictor.instanceType(), spec.groupName());
    return created;
  }

  /**
   * Applies a change to the deployment as the server holds it now, retrying on conflicts. A
   * change that leaves the spec as it is, but for the message, writes nothing: a message alone
   * would add a record to the history that describes no change.
   *
   * @param change decides the new spec from the deployment read; it runs once per attempt, so
   *     it must not have effects beyond its result
   * @return the deployment as written, or as read if nothing changed
   * @throws PhDeploymentConflictException if every attempt met a concurrent change
   */
  PhDeployment update(String name, Function<PhDeployment, SpecChange> change) {
    try {
      return conflictRetry.forKey(scope.key(name)).executeSupplier(() -> attempt(name, change));
    } catch (KubernetesClientException e) {
      if (ConflictRetry.isConflict(e)) {
        throw new PhDeploymentConflictException(
            scope.namespace(), name, conflictRetry.maxAttempts(), e);
      }
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw new PhDeploymentNotFoundException(scope.namespace(), name);
      }
      throw e;
    }
  }

  private PhDeployment attempt(String name, Function<PhDeployment, SpecChange> change) {
    PhDeployment current = scope.require(name);
    SpecChange next = change.apply(current);
    if (withoutMessage(next.spec()).equals(withoutMessage(current.getSpec()))) {
      LOG.debug("PhDeployment {} already has the spec asked for; nothing to write",
          scope.key(name));
      return current;
    }
    PhDeploymentSpec spec =
        ImmutablePhDeploymentSpec.copyOf(next.spec()).withUpdateMessage(next.message());
    validator.requireValid(name, spec);
    current.setSpec(spec);
    // The object keeps the resourceVersion it was read with, so a concurrent write makes the
    // server answer 409 instead of losing either change.
    PhDeployment updated = scope.deployments().resource(current).update();
    LOG.info("updated PhDeployment {}: {}", scope.key(name), next.message());
    return updated;
  }

  private static PhDeploymentSpec withoutMessage(PhDeploymentSpec spec) {
    return ImmutablePhDeploymentSpec.copyOf(spec).withUpdateMessage(null);
  }
}
