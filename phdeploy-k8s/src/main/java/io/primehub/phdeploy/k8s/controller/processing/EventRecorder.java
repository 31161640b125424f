package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Kubernetes Event on a PhDeployment for each phase change, so that
 * {@code kubectl describe} tells its story. An event that cannot be written is logged and
 * dropped: it never fails a reconcile.
 */
public final class EventRecorder {

  /** The component named as the events' source. */
  public static final String COMPONENT = "phdeploy-controller";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;

  /** A recorder writing through {@code client}, timestamped by {@code clock}. */
  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Records that a deployment entered a phase.
   *
   * @param reason the failure reason, or {@code null} unless the phase is Failed
   */
  public void phaseChanged(DeploymentView view, Phase phase, FailureReason reason, String message) {
    ObjectMeta metadata = view.metadata();
    String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Event event = new EventBuilder()
        .withNewMetadata()
        .withNamespace(metadata.getNamespace())
        .withName(metadata.getName() + "." + uniqueSuffix(clock.instant()))
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(PhDeployment.API_VERSION)
        .withKind(PhDeployment.KIND)
        .withNamespace(metadata.getNamespace())
        .withName(metadata.getName())
        .withUid(metadata.getUid())
        .withResourceVersion(metadata.getResourceVersion())
        .endInvolvedObject()
        .withType(phase == Phase.FAILED ? "Warning" : "Normal")
        .withReason(reason != null ? reason.wireName() : phase.wireName())
        .withMessage(message)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withCount(1)
        .build();
    try {
      client.v1().events().inNamespace(metadata.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("Could not record the event {} of {}: {}", phase, view.key(), e.getMessage());
    }
  }

  private static String uniqueSuffix(Instant now) {
    return HexFormat.of().toHexDigits(now.toEpochMilli())
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
  }
}
