package io.primehub.phdeploy.testkit.assertions;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a PhDeployment's status: its phase, failure reason and message, replica counts,
 * endpoint and history. Each failure message shows the whole status, which is usually what
 * explains it.
 */
public final class PhDeploymentAssert
    extends AbstractObjectAssert<PhDeploymentAssert, PhDeployment> {

  PhDeploymentAssert(PhDeployment actual) {
    super(actual, PhDeploymentAssert.class);
  }

  /** The deployment is in {@code phase}. */
  public PhDeploymentAssert hasPhase(Phase phase) {
    PhDeploymentStatus status = status();
    if (status.phase() != phase) {
      failWithMessage("Expected %s to be %s but was %s", name(), phase, describe(status));
    }
    return this;
  }

  /** The deployment is Deployed. */
  public PhDeploymentAssert isDeployed() {
    return hasPhase(Phase.DEPLOYED);
  }

  /** The deployment is Failed, for {@code reason}. */
  public PhDeploymentAssert isFailedWith(FailureReason reason) {
    hasPhase(Phase.FAILED);
    if (status().reason() != reason) {
      failWithMessage("Expected %s to fail with %s but was %s", name(), reason,
          describe(status()));
    }
    return this;
  }

  /** The status message contains {@code text}. */
  public PhDeploymentAssert hasMessageContaining(String text) {
    String message = status().message();
    if (message == null || !message.contains(text)) {
      failWithMessage("Expected the message of %s to contain <%s> but was %s", name(), text,
          describe(status()));
    }
    return this;
  }

  /** The status asks for {@code replicas} replicas. */
  public PhDeploymentAssert hasReplicas(int replicas) {
    return hasCount("replicas", replicas, status().replicas());
  }

  /** The status counts {@code replicas} available replicas. */
  public PhDeploymentAssert hasAvailableReplicas(int replicas) {
    return hasCount("available replicas", replicas, status().availableReplicas());
  }

  /** The status describes the current spec: its observed generation is the object's. */
  public PhDeploymentAssert hasObservedItsGeneration() {
    Long observed = status().observedGeneration();
    if (!Objects.equals(observed, actual.getMetadata().getGeneration())) {
      failWithMessage("Expected %s to have observed generation %s but it observed %s; %s",
          name(), actual.getMetadata().getGeneration(), observed, describe(status()));
    }
    return this;
  }

  /** The status has {@code endpoint} as its prediction URL. */
  public PhDeploymentAssert hasEndpoint(String endpoint) {
    if (!endpoint.equals(status().endpoint())) {
      failWithMessage("Expected the endpoint of %s to be <%s> but was <%s>; %s", name(), endpoint,
          status().endpoint(), describe(status()));
    }
    return this;
  }

  /** The history holds {@code records} records. */
  public PhDeploymentAssert hasHistorySize(int records) {
    return hasCount("history records", records, status().history().size());
  }

  /** Assertions on the history's specs, newest first. */
  public ListAssert<PhDeploymentSpec> historySpecs() {
    List<PhDeploymentSpec> specs = status().history().stream().map(HistoryRecord::spec).toList();
    return Assertions.assertThat(specs).as("the history of %s, newest first", name());
  }

  private PhDeploymentAssert hasCount(String what, int expected, Integer actualCount) {
    if (!Objects.equals(actualCount, expected)) {
      failWithMessage("Expected %s to have %s %s but had %s; %s", name(), expected, what,
          actualCount, describe(status()));
    }
    return this;
  }

  private PhDeploymentStatus status() {
    isNotNull();
    if (actual.getStatus() == null) {
      failWithMessage("Expected %s to have a status but the controller has written none",
          name());
    }
    return actual.getStatus();
  }

  private String name() {
    return actual.getMetadata().getNamespace() + "/" + actual.getMetadata().getName();
  }

  private static String describe(PhDeploymentStatus status) {
    return "<phase=" + status.phase() + ", reason=" + status.reason() + ", message="
        + status.message() + ", replicas=" + status.replicas() + ", available="
        + status.availableReplicas() + ", observedGeneration=" + status.observedGeneration()
        + ", endpoint=" + status.endpoint() + ", history=" + status.history().size() + ">";
  }
}
