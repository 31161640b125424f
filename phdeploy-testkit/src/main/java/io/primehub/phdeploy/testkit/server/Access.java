package io.primehub.phdeploy.testkit.server;

/**
 * One kind of access to the API server, as an authorizer judges it: who sent it, the verb, the
 * API group, the resource with its subresource, and the object's name when the request names one.
 * The {@link Journal} keeps each distinct access once, so that a test can compare what a client
 * did with what a role grants it.
 *
 * @param verb what the request does
 * @param group the API group, empty for the core group
 * @param resource the plural resource, with its subresource as in {@code deployments/status}
 * @param name the object's name, empty for a collection or a create
 * @param userAgent who sent the request
 */
public record Access(Verb verb, String group, String resource, String name, String userAgent) {

  static Access of(ApiRequest request) {
    return new Access(request.verb(), request.group(), request.resourcePath(),
        request.objectName(), request.userAgent());
  }
}
