package io.primehub.phdeploy.examples.pipeline;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.k8s.client.PhDeploymentFailedException;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment step of a training pipeline. It picks the best of a run's models by a metric,
 * deploys it (creating the deployment from a template the first time, updating its image
 * afterwards), waits until it is Deployed, and smoke-tests it through its endpoint. If the new
 * model fails to deploy or to answer, the deployment is rolled back to the previous revision of
 * its history, so that the model that served before serves again.
 */
public final class BestModelDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(BestModelDeployer.class);

  private final PhDeployments deployments;
  private final Duration deployTimeout;

  /** A deployer working through {@code deployments}, waiting up to {@code deployTimeout}. */
  public BestModelDeployer(PhDeployments deployments, Duration deployTimeout) {
    this.deployments = deployments;
    this.deployTimeout = deployTimeout;
  }

  /**
   * Deploys the best of {@code candidates} by {@code metric} as {@code name}.
   *
   * @param template the spec of a first deployment; its image is replaced by the best model's
   * @throws IllegalArgumentException if there is no candidate
   * @throws IllegalStateException if the first deployment of {@code name} fails, since there is
   *     nothing to roll back to
   */
  public DeploymentOutcome deployBest(
      String name, PhDeploymentSpec template, List<CandidateModel> candidates, String metric,
      SmokeTest smokeTest) {
    CandidateModel best = candidates.stream()
        .max(Comparator.comparingDouble(candidate -> candidate.metric(metric)))
        .orElseThrow(() -> new IllegalArgumentException("the run produced no model"));
    String message = String.format(Locale.ROOT, "best of the run by %s: %s (%.3f)",
        metric, best.image(), best.metric(metric));
    boolean first = deployments.get(name).isEmpty();
    if (first) {
      deployments.create(name, withModel(template, best));
    } else {
      deployments.update(name, spec -> withModel(spec, best), message);
    }
    LOG.info("Deploying {}: {}", name, message);
    try {
      PhDeploymentStatus deployed = deployments.awaitPhase(name, Phase.DEPLOYED, deployTimeout);
      smokeTest.check(URI.create(deployed.endpoint()));
      return new DeploymentOutcome(best.image(), false, message);
    } catch (Exception failure) {
      String why = failure instanceof PhDeploymentFailedException failed
          ? failed.reason().map(FailureReason::wireName).orElse("Failed") + ": "
              + failed.statusMessage()
          : failure.getMessage();
      if (first) {
        throw new IllegalStateException("the first model of " + name + " failed: " + why, failure);
      }
      return rollBack(name, why);
    }
  }

  private DeploymentOutcome rollBack(String name, String why) {
    LOG.warn("The new model of {} failed ({}); rolling back", name, why);
    deployments.rollback(name, 1);
    deployments.awaitPhase(name, Phase.DEPLOYED, deployTimeout);
    String image = deployments.require(name).getSpec().predictor().modelImage();
    return new DeploymentOutcome(image, true, why);
  }

  /** The spec serving the candidate, with its metrics kept as the predictor's metadata. */
  private static PhDeploymentSpec withModel(PhDeploymentSpec spec, CandidateModel model) {
    Predictor predictor = spec.predictor();
    Map<String, String> metadata = new LinkedHashMap<>(predictor.metadata());
    model.metrics().forEach((metric, value) -> metadata.put(metric, Double.toString(value)));
    return ImmutablePhDeploymentSpec.copyOf(spec).withPredictors(
        ImmutablePredictor.copyOf(predictor).withModelImage(model.image()).withMetadata(metadata));
  }
}
