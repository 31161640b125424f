package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.core.history.HistoryPolicy;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.core.validation.ValidationLimits;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment changed 33 times, each time to a spec as large as the validator accepts, keeps a
 * full history of 32 records, and the object stays under the size the API server can store.
 *
 * <p>The limit is etcd's default request size, 1.5 MiB ({@code --max-request-bytes} 1572864),
 * which bounds every object the API server stores, since each write sends the whole object to
 * etcd; custom resources are stored as JSON. The API server encodes that JSON as Go does, with
 * {@code <}, {@code >} and {@code &} escaped as six bytes each, so the object is measured the
 * same way, and one filler is made of those characters.
 */
@PhDeployTest
class HistorySizeTest {

  private static final Logger LOG = LoggerFactory.getLogger(HistorySizeTest.class);
  private static final int ETCD_REQUEST_LIMIT = 1_572_864;
  private static final int CHANGES = HistoryPolicy.DEFAULT_MAX_RECORDS + 1;
  private static final SpecValidator VALIDATOR = SpecValidator.withDefaults();

  @ParameterizedTest(name = "specs filled with \"{0}\"")
  @ValueSource(strings = {"x", "&<>"})
  void historiesOfMaximumSizeSpecsKeep32RecordsUnderTheStorageLimit(
      String filler, PhDeployments deployments, KubernetesClient client) {
    // One informer for all the changes: the mock server stalls when a watch that is sending
    // objects this large is closed, as a wait per change would.
    DeployedGenerations deployed = new DeployedGenerations();
    SharedIndexInformer<GenericKubernetesResource> informer =
        Verdicts.raw(client, Journey.NAME).inform(deployed);
    try {
      long generation = deployments.create(Journey.NAME, largestAccepted(filler, 0))
          .getMetadata().getGeneration();
      deployed.await(generation);
      for (int change = 1; change < CHANGES; change++) {
        PhDeploymentSpec next = largestAccepted(filler, change);
        generation = deployments.update(Journey.NAME, current -> next, next.updateMessage())
            .getMetadata().getGeneration();
        deployed.await(generation);
      }
    } finally {
      informer.close();
    }

    GenericKubernetesResource stored = Verdicts.raw(client, Journey.NAME).get();
    int storedBytes = WireJson.byteSize(stored);
    LOG.info("after {} changes to specs of {} bytes filled with \"{}\", the object takes {} bytes",
        CHANGES, WireJson.byteSize(largestAccepted(filler, 0)), filler, storedBytes);
    assertThat(deployments.require(Journey.NAME)).isDeployed()
        .hasHistorySize(HistoryPolicy.DEFAULT_MAX_RECORDS);
    assertThat(deployments.history(Journey.NAME).get(0).spec().updateMessage())
        .isEqualTo(largestAccepted(filler, CHANGES - 1).updateMessage());
    assertThat(storedBytes).isLessThan(ETCD_REQUEST_LIMIT);
  }

  /**
   * The example spec with a description and an update message that tell the changes apart, and
   * a variable padded with {@code filler} to the largest size the validator accepts.
   */
  private static PhDeploymentSpec largestAccepted(String filler, int change) {
    int low = 0;
    int high = ValidationLimits.defaults().maxSpecBytes();
    while (low < high) {
      int middle = (low + high + 1) / 2;
      if (VALIDATOR.validate(Journey.NAME, padded(filler, change, middle)).isEmpty()) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    PhDeploymentSpec largest = padded(filler, change, low);
    assertThat(VALIDATOR.validate(Journey.NAME, padded(filler, change, low + 1))).isNotEmpty();
    return largest;
  }

  /** The newest generation the controller has seen Deployed, from an informer's events. */
  private static final class DeployedGenerations
      implements ResourceEventHandler<GenericKubernetesResource> {

    private long deployed;

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource object) {
      seen(object);
    }

    /** Deletion ends nothing here: the test never deletes the deployment. */
    @Override
    public void onDelete(GenericKubernetesResource object, boolean unknownFinalState) {}

    @Override
    public void onAdd(GenericKubernetesResource object) {
      seen(object);
    }

    private synchronized void seen(GenericKubernetesResource object) {
      Object status = object.getAdditionalProperties().get("status");
      if (status == null) {
        return;
      }
      PhDeploymentStatus read = WireJson.mapper().convertValue(status, PhDeploymentStatus.class);
      if (read.phase() == Phase.DEPLOYED && read.observedGeneration() != null) {
        deployed = Math.max(deployed, read.observedGeneration());
        notifyAll();
      }
    }

    /** Waits until the controller has seen {@code generation} Deployed. */
    synchronized void await(long generation) {
      long deadline = System.nanoTime() + Journey.WAIT.toNanos();
      try {
        while (deployed < generation) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("generation " + generation + " not Deployed within "
                + Journey.WAIT + "; the newest Deployed is " + deployed);
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static PhDeploymentSpec padded(String filler, int change, int length) {
    String padding = filler.repeat(length / filler.length() + 1).substring(0, length);
    return ImmutablePhDeploymentSpec.copyOf(Journey.fixture().getSpec())
        .withDescription(String.format("revision %02d", change))
        .withUpdateMessage(String.format("change %02d", change))
        .withEnv(List.of(new EnvVar("PADDING", padding, null)));
  }
}
