package io.primehub.phdeploy.examples.pipeline;

/**
 * What the pipeline's deployment step did.
 *
 * @param image the image that serves now
 * @param rolledBack whether the best model failed and the previous one serves again
 * @param why what went wrong when rolled back, or what was deployed
 */
public record DeploymentOutcome(String image, boolean rolledBack, String why) {}
