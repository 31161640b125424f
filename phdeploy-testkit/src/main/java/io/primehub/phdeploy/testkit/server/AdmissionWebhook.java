package io.primehub.phdeploy.testkit.server;

import java.util.Optional;

/**
 * A validating admission webhook, as a cluster administrator registers one: it sees each write
 * before it is stored and may deny it. The API server answers a denial with 400 and the message
 * {@code admission webhook "<name>" denied the request: <reason>}, as Kubernetes does.
 */
public interface AdmissionWebhook {

  /**
   * The webhook's registered name, for example {@code resources-validation-webhook.primehub.io}.
   */
  String name();

  /**
   * Reviews a write.
   *
   * @param request the request
   * @param body the object the request would store, as JSON
   * @return why the write is denied, or empty to allow it
   */
  Optional<String> review(ApiRequest request, String body);
}
