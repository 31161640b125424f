package io.primehub.phdeploy.mockserver;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.function.UnaryOperator;

/**
 * A mock server's web socket listener that is handed a {@link QueuedSocket} in place of the
 * server's socket, so that nothing it sends can hold up the server's event loop, and whose queue
 * ends with the socket.
 */
public final class QueuedSends extends ForwardingListener {

  private final UnaryOperator<WebSocket> decorator;
  private volatile QueuedSocket queued;

  /** {@code listener}, sending through a queue. */
  public QueuedSends(WebSocketListener listener) {
    this(listener, UnaryOperator.identity());
  }

  /**
   * {@code listener}, sending through a queue that {@code decorator} may wrap further (for
   * example to leave out what the listener should not send).
   */
  public QueuedSends(WebSocketListener listener, UnaryOperator<WebSocket> decorator) {
    super(listener);
    this.decorator = decorator;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    queued = new QueuedSocket(webSocket);
    super.onOpen(decorator.apply(queued), response);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    ended();
    super.onClosed(webSocket, code, reason);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
    ended();
    super.onFailure(webSocket, failure, response);
  }

  private void ended() {
    QueuedSocket socket = queued;
    if (socket != null) {
      socket.ended();
    }
  }
}
