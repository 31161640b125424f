package io.primehub.phdeploy.examples.scoring;

import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An application's message screening: it asks a deployed spam classifier, through its
 * prediction endpoint, which messages to hold back. It knows nothing of phdeploy but the
 * endpoint's URL and, for a private endpoint, a client's credentials.
 */
public final class MessageScreening {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String authorization;
  private final double threshold;

  private MessageScreening(URI endpoint, String authorization, double threshold) {
    this.endpoint = endpoint;
    this.authorization = authorization;
    this.threshold = threshold;
  }

  /** Screening through a public endpoint, holding back messages at or above {@code threshold}. */
  public static MessageScreening through(URI endpoint, double threshold) {
    return new MessageScreening(endpoint, null, threshold);
  }

  /** The same screening through a private endpoint, as the client {@code name}. */
  public MessageScreening as(String name, String token) {
    String credentials = Base64.getEncoder()
        .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8));
    return new MessageScreening(endpoint, "Basic " + credentials, threshold);
  }

  /**
   * The messages to hold back, in their order.
   *
   * @throws ScreeningUnavailableException if the model cannot answer now
   */
  public List<String> heldBack(List<String> messages) {
    List<List<Double>> scores = score(messages).data().ndarrayAsDoubles();
    List<String> held = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (scores.get(i).get(0) >= threshold) {
        held.add(messages.get(i));
      }
    }
    return held;
  }

  private SeldonMessage score(List<String> messages) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(SeldonJson.write(
            SeldonMessage.ofNdarray(messages.stream().map(List::of).toList()))));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ScreeningUnavailableException(
            "the model answered " + response.statusCode() + ": " + response.body());
      }
      return SeldonJson.read(response.body());
    } catch (IOException e) {
      throw new ScreeningUnavailableException("the model cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScreeningUnavailableException("interrupted while asking the model");
    }
  }

  /** The model behind the endpoint cannot answer now. */
  public static final class ScreeningUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScreeningUnavailableException(String message) {
      super(message);
    }
  }
}
