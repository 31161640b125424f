package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records a Kubernetes Event on a PhDeployment for each phase change, so that
 * {@code kubectl describe} tells its story: a failure always, as a Warning; the other phases as
 * Normal events unless they are switched off. The events are written by an {@link EventQueue}:
 * an event that cannot be written is logged and dropped, and it never delays or fails a
 * reconcile.
 */
public final class EventRecorder {

  /** The component named as the events' source. */
  public static final String COMPONENT = "phdeploy-controller";

  private final EventQueue queue;
  private final Clock clock;
  private final boolean normalEvents;

  /**
   * A recorder handing its events to {@code queue}, timestamped by {@code clock}.
   *
   * @param normalEvents whether phase changes other than failures are recorded
   */
  public EventRecorder(EventQueue queue, Clock clock, boolean normalEvents) {
    this.queue = queue;
    this.clock = clock;
    this.normalEvents = normalEvents;
  }

  /**
   * Records that a deployment entered a phase.
   *
   * @param reason the failure reason, or {@code null} unless the phase is Failed
   */
  public void phaseChanged(DeploymentView view, Phase phase, FailureReason reason, String message) {
    boolean warning = phase == Phase.FAILED;
    if (!warning && !normalEvents) {
      return;
    }
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
        .withType(warning ? "Warning" : "Normal")
        .withReason(reason != null ? reason.wireName() : phase.wireName())
        .withMessage(message)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withCount(1)
        .build();
    queue.add(event);
  }

  private static String uniqueSuffix(Instant now) {
    return HexFormat.of().toHexDigits(now.toEpochMilli())
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
  }
}
