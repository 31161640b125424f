package io.primehub.phdeploy.testkit.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the Seldon message of a prediction request the ways Seldon's REST API accepts it: the
 * body of a {@code POST}, a {@code json} form field of a form-encoded {@code POST}, or the
 * {@code json} query parameter of a {@code GET}.
 */
final class RequestMessage {

  private static final String FIELD = "json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private RequestMessage() {}

  /**
   * The request's message.
   *
   * @throws Refusal {@code 405} for another method, {@code 400} if the message is missing or
   *     malformed, with SeldonJson's explanation
   */
  static SeldonMessage read(HttpExchange exchange) throws Refusal, IOException {
    String json = switch (exchange.getRequestMethod()) {
      case "GET" -> field(exchange.getRequestURI().getRawQuery()).orElseThrow(() -> new Refusal(400,
          "a GET prediction carries its Seldon message in the query parameter '" + FIELD + "'"));
      case "POST" -> body(exchange);
      default -> throw new Refusal(Reply.failure(405, "predictions are asked for with POST, or GET"
              + " and a '" + FIELD + "' query parameter, not " + exchange.getRequestMethod())
          .withHeader("Allow", "GET, POST"));
    };
    try {
      return SeldonJson.read(json);
    } catch (IllegalArgumentException malformed) {
      throw new Refusal(400, malformed.getMessage());
    }
  }

  private static String body(HttpExchange exchange) throws IOException, Refusal {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    // curl -d labels plain JSON as a form too: only a form with a json field is read as one.
    boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    return form ? field(body).orElse(body) : body;
  }

  /** The first {@code json} field of URL-encoded {@code name=value&...} text, decoded. */
  private static Optional<String> field(String encoded) throws Refusal {
    if (encoded == null) {
      return Optional.empty();
    }
    for (String pair : encoded.split("&")) {
      if (pair.startsWith(FIELD + "=")) {
        try {
          return Optional.of(
              URLDecoder.decode(pair.substring(FIELD.length() + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
          throw new Refusal(400, "the '" + FIELD + "' field is not URL-encoded correctly: "
              + badEscape.getMessage());
        }
      }
    }
    return Optional.empty();
  }
}
