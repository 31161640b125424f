package io.primehub.phdeploy.testkit.server;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Map;

/**
 * Error answers with the {@code Status} body a real API server sends, so that clients read the
 * reason and message as they would from a cluster.
 */
public final class StatusResponses {

  private static final Map<Integer, String> REASONS = Map.of(
      400, "BadRequest",
      403, "Forbidden",
      404, "NotFound",
      409, "Conflict",
      410, "Expired",
      422, "Invalid",
      429, "TooManyRequests",
      500, "InternalError",
      503, "ServiceUnavailable",
      504, "Timeout");

  private StatusResponses() {}

  /** An answer with this HTTP code and a {@code Status} of its usual reason and this message. */
  public static MockResponse failure(int code, String message) {
    Status status = new StatusBuilder()
        .withNewMetadata().endMetadata()
        .withStatus("Failure")
        .withCode(code)
        .withReason(REASONS.getOrDefault(code, "Unknown"))
        .withMessage(message)
        .build();
    MockResponse response = new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(status));
    return code == 429 ? response.setHeader("Retry-After", "1") : response;
  }

  /**
   * An answer with this HTTP code and the message a real API server gives for it about the object
   * a request addresses, for example {@code pods "web-1" not found}.
   */
  public static MockResponse failure(int code, ApiRequest request) {
    return failure(code, messageFor(code, request));
  }

  private static String messageFor(int code, ApiRequest request) {
    String object = request.resource() + (request.group().isEmpty() ? "" : "." + request.group())
        + (request.name().isEmpty() ? "" : " \"" + request.name() + "\"");
    return switch (code) {
      case 404 -> object + " not found";
      case 409 -> "Operation cannot be fulfilled on " + object + ": the object has been modified;"
          + " please apply your changes to the latest version and try again";
      case 410 -> "too old resource version";
      case 429 -> "Too many requests, please try again later.";
      case 500 -> "Internal error occurred: injected by phdeploy-testkit";
      case 503 -> "the server is currently unable to handle the request";
      default -> "injected by phdeploy-testkit";
    };
  }
}
