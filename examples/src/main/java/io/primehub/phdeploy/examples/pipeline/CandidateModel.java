package io.primehub.phdeploy.examples.pipeline;

import java.util.Map;

/**
 * A model a training run produced: its image and the metrics it scored.
 *
 * @param image the model image, pushed to the registry by the run
 * @param metrics the run's metrics for this model, such as {@code ACCURACY}
 */
public record CandidateModel(String image, Map<String, Double> metrics) {

  /** A candidate; the metrics are copied. */
  public CandidateModel {
    metrics = Map.copyOf(metrics);
  }

  /** The value of one metric, or negative infinity when the run did not measure it. */
  double metric(String name) {
    return metrics.getOrDefault(name, Double.NEGATIVE_INFINITY);
  }
}
