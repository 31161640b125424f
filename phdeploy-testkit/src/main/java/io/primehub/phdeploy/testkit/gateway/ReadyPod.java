package io.primehub.phdeploy.testkit.gateway;

import java.util.Optional;

/**
 * A pod that may receive predictions: its Ready condition is true and it is not being deleted.
 *
 * @param name the pod's name
 * @param modelImage the image of its {@code model} container; empty if it has none, in which
 *     case it answers {@code 502}
 */
public record ReadyPod(String name, Optional<String> modelImage) {}
