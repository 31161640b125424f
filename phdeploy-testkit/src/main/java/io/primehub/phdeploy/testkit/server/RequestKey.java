package io.primehub.phdeploy.testkit.server;

/**
 * What the journal counts requests by.
 *
 * @param verb the verb
 * @param resource the resource, with its subresource as in {@code deployments/status}
 * @param userAgent who sent the requests
 */
record RequestKey(Verb verb, String resource, String userAgent) {

  static RequestKey of(ApiRequest request) {
    return new RequestKey(request.verb(), request.resourcePath(), request.userAgent());
  }

  boolean fromSimulator() {
    return ApiRequest.SIMULATOR_USER_AGENT.equals(userAgent);
  }
}
