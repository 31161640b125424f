package io.primehub.phdeploy.testkit.server;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch connections open now, so that a fault can drop them. Every watch the CRUD server
 * accepts passes through {@link #track}, which keeps its socket while it is open.
 */
final class WatchConnections {

  private static final Logger LOG = LoggerFactory.getLogger(WatchConnections.class);
  private static final int GOING_AWAY = 1001;
  private static final String DROPPED = "dropped by phdeploy-testkit";

  private final Map<WebSocket, ApiRequest> open = new ConcurrentHashMap<>();

  /**
   * Wraps the listener of an accepted watch so that its connection is known while open.
   *
   * @param dropAtOnce whether to close the connection as soon as it is open
   */
  WebSocketListener track(ApiRequest request, WebSocketListener listener, boolean dropAtOnce) {
    return new Tracked(request, listener, dropAtOnce);
  }

  /** Closes the open watches this fault matches, as long as it has hits left. */
  void drop(InjectedFault fault) {
    open.forEach((socket, request) -> {
      if (fault.matches(request) && fault.takeOne()) {
        close(socket, request);
      }
    });
  }

  private void close(WebSocket socket, ApiRequest request) {
    LOG.debug("dropping the watch of {} for {}", request.resourcePath(), request.userAgent());
    open.remove(socket);
    socket.close(GOING_AWAY, DROPPED);
  }

  /** Passes every event on to the CRUD server's listener, noting when the socket opens and ends. */
  private final class Tracked extends WebSocketListener {

    private final ApiRequest request;
    private final WebSocketListener delegate;
    private final boolean dropAtOnce;

    Tracked(ApiRequest request, WebSocketListener delegate, boolean dropAtOnce) {
      this.request = request;
      this.delegate = delegate;
      this.dropAtOnce = dropAtOnce;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      delegate.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      delegate.onOpen(webSocket, response);
      if (dropAtOnce) {
        close(webSocket, request);
      } else {
        open.put(webSocket, request);
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      delegate.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      open.remove(webSocket);
      delegate.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      open.remove(webSocket);
      delegate.onFailure(webSocket, t, response);
    }
  }
}
