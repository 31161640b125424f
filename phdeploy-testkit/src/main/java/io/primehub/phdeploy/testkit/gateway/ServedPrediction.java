package io.primehub.phdeploy.testkit.gateway;

import java.time.Duration;

/**
 * A request that the gateway routed to a pod, and how the pod answered: what a line of the pod's
 * access log says. Requests refused before a pod was chosen (no such deployment, missing
 * credentials, no ready pod) have no pod and are not reported. A request is reported just before
 * its answer is sent, so a client that has its answer can count on the report.
 *
 * @param method the HTTP method, {@code POST} or {@code GET}
 * @param path the path the client asked for, without the query
 * @param namespace the namespace of the deployment and its pod
 * @param deployment the deployment's name
 * @param pod the name of the pod that answered
 * @param status the HTTP status of the answer
 * @param elapsed the time from receiving the request to having its answer ready
 */
public record ServedPrediction(
    String method,
    String path,
    String namespace,
    String deployment,
    String pod,
    int status,
    Duration elapsed) {}
