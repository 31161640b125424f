package io.primehub.phdeploy.k8s.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Environments and requests for tests of the standalone controller. */
public final class StandaloneEnvironment {

  private StandaloneEnvironment() {}

  /**
   * The smallest environment the controller starts with: the feature switched on and the
   * fixtures' catalog, written to {@code directory}; health endpoints off. A mutable map.
   */
  public static Map<String, String> minimal(Path directory) {
    Path catalog = directory.resolve("catalog.yaml");
    try (InputStream fixture =
        StandaloneEnvironment.class.getResourceAsStream("/fixtures/catalog.yaml")) {
      Files.copy(fixture, catalog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HashMap<>(Map.of(
        Variable.FEATURE.variableName(), "true",
        Variable.CATALOG.variableName(), catalog.toString(),
        Variable.HEALTH_PORT.variableName(), "0"));
  }

  /**
   * A port that was free a moment ago, for {@code PHDEPLOY_HEALTH_PORT}, whose 0 means off
   * rather than any port.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of {@code path} from the health endpoints at {@code address}. */
  public static HttpResponse<String> get(InetSocketAddress address, String path)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(address, path)).GET());
  }

  /** The answer to {@code request}. */
  public static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The URI of {@code path} on the endpoints at {@code address}, which listen on every interface. */
  public static URI uri(InetSocketAddress address, String path) {
    return URI.create("http://127.0.0.1:" + address.getPort() + path);
  }
}
