/**
 * The controller's machinery: the work queue, failure backoff, informers and caches, and the
 * writers that turn a reconcile's decisions into the fewest API requests. Not a stable API;
 * embedding applications use {@code io.primehub.phdeploy.k8s.controller}.
 */
package io.primehub.phdeploy.k8s.controller.processing;
