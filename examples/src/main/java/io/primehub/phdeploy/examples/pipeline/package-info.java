/**
 * A training pipeline's last step: pick the run's best model by a metric, deploy it, wait until
 * it serves, smoke-test a prediction, and roll back to what served before if anything fails.
 */
package io.primehub.phdeploy.examples.pipeline;
