package io.primehub.phdeploy.testkit.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP requests to the gateway, as curl would send them. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** {@code POST} of a JSON body, with extra headers as name, value pairs. */
  static HttpResponse<String> post(URI url, String json, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /** {@code GET} with the message in the {@code json} query parameter. */
  static HttpResponse<String> get(URI url, String json) {
    return send(HttpRequest.newBuilder(
            URI.create(url + "?json=" + URLEncoder.encode(json, StandardCharsets.UTF_8)))
        .GET());
  }

  /** Any method with no body. */
  static HttpResponse<String> call(String method, URI url) {
    return send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the gateway", e);
    }
  }
}
