/**
 * The typed client of {@code PhDeployment}s, for JVM services and training pipelines that hold a
 * fabric8 {@link io.fabric8.kubernetes.client.KubernetesClient}: create, read, update with
 * optimistic concurrency, roll back, wait for a phase, read replica logs and manage the clients
 * of a private endpoint. {@link io.primehub.phdeploy.k8s.client.PhDeployments} is the entry
 * point:
 *
 * <pre>{@code
 * PhDeployments deployments = PhDeployments.using(kubernetesClient).inNamespace("hub");
 * PhDeployment d = deployments.create(spec -> spec
 *     .displayName("spam classifier").group("phusers").user("phadmin")
 *     .predictor(p -> p.modelImage("registry.example/spam:1.0.3").instanceType("cpu-only")));
 * deployments.awaitPhase(d.name(), Phase.DEPLOYED, Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Every failure this package reports is a {@link
 * io.primehub.phdeploy.k8s.client.PhDeploymentException}, except an invalid spec, which is
 * phdeploy-core's {@link io.primehub.phdeploy.core.validation.InvalidSpecException}.
 */
package io.primehub.phdeploy.k8s.client;
