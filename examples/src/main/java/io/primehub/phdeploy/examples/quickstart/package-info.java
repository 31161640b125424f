/**
 * The quick start: the seed's user journey on an in-memory cluster (or, with
 * {@code --kubeconfig}, on a real one), narrated step by step.
 */
package io.primehub.phdeploy.examples.quickstart;
