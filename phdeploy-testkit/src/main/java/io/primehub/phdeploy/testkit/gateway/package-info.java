/**
 * A local prediction gateway: an HTTP server that plays the part of PrimeHub's ingress in front
 * of a test cluster, so that {@code curl} reaches a deployment at
 * {@code http://localhost:<port>/deployment/<name>/api/v1.0/predictions} as it would in
 * PrimeHub. It reads the cluster's Ingresses, Secrets and deployment pods through informers,
 * routes round-robin to Ready pods, enforces private endpoints' basic authentication, and answers
 * with the {@link io.primehub.phdeploy.testkit.gateway.Model} registered for the image of the
 * pod it chose.
 *
 * <p>Start one with {@link io.primehub.phdeploy.testkit.gateway.PredictionGateway#builder}.
 */
package io.primehub.phdeploy.testkit.gateway;
