package io.primehub.phdeploy.k8s.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.primehub.phdeploy.core.Nullable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one GraphQL query to a server with a bearer secret and gives the {@code data} of its
 * answer, or a {@link GraphQlFailure} that says what went wrong in words a person can act on:
 * the HTTP status, the GraphQL {@code errors[].message}, a timeout. Text from the server is
 * stripped of the secret before it enters a message, in case the server echoes the request.
 */
final class GraphQlClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REDACTED = "[secret]";

  private final URI url;
  private final String secret;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final HttpClient http;

  GraphQlClient(URI url, String secret, Duration connectTimeout, Duration requestTimeout) {
    this.url = url;
    this.secret = secret;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /**
   * The {@code data} of the server's answer to {@code query}, sent without variables.
   *
   * @throws GraphQlFailure if the server cannot be reached in time, answers other than 2xx,
   *     answers no JSON or reports {@code errors}
   */
  JsonNode query(String query) throws GraphQlFailure {
    HttpResponse<String> response = send(query);
    JsonNode answer = json(response.body());
    List<String> errors = errorMessages(answer);
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      // 5xx and 429 are the server's passing trouble; any other status is the request's fault.
      boolean passing = status >= 500 || status == 429;
      throw failure("answered HTTP " + status
          + (errors.isEmpty() ? "" : " with errors: " + String.join("; ", errors)), passing);
    }
    if (answer == null) {
      throw failure("answered HTTP " + status + " with a body that is not JSON", false);
    }
    if (!errors.isEmpty()) {
      // A partial answer beside errors could lack groups; never take it for the whole catalog.
      throw failure("answered with errors: " + String.join("; ", errors), false);
    }
    JsonNode data = answer.path("data");
    if (!data.isObject()) {
      throw failure("answered without data", false);
    }
    return data;
  }

  private HttpResponse<String> send(String query) throws GraphQlFailure {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + secret)
        .POST(HttpRequest.BodyPublishers.ofString(body(query), StandardCharsets.UTF_8))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw failure("could not be connected to within " + connectTimeout, true, e);
    } catch (HttpTimeoutException e) {
      throw failure("did not answer within " + requestTimeout, true, e);
    } catch (IOException e) {
      throw failure("could not be reached: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("was not asked: the thread was interrupted", false, e);
    }
  }

  private static String body(String query) {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    body.putObject("variables");
    return body.toString();
  }

  private static @Nullable JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static List<String> errorMessages(@Nullable JsonNode answer) {
    List<String> messages = new ArrayList<>();
    if (answer != null) {
      for (JsonNode error : answer.path("errors")) {
        messages.add(error.path("message").asText(error.toString()));
      }
    }
    return messages;
  }

  private GraphQlFailure failure(String message, boolean passing) {
    return failure(message, passing, null);
  }

  private GraphQlFailure failure(String message, boolean passing, @Nullable Throwable cause) {
    return new GraphQlFailure(message.replace(secret, REDACTED), passing, cause);
  }
}
