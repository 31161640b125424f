package io.primehub.phdeploy.mockserver;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * A mock server's web socket listener that passes every callback on to another listener;
 * subclasses change what they need to and call on for the rest.
 */
public abstract class ForwardingListener extends WebSocketListener {

  private final WebSocketListener listener;

  /** A listener that passes every callback on to {@code listener}. */
  protected ForwardingListener(WebSocketListener listener) {
    this.listener = listener;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    listener.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    listener.onOpen(webSocket, response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    listener.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    listener.onMessage(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    listener.onClosing(webSocket, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    listener.onClosed(webSocket, code, reason);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
    listener.onFailure(webSocket, failure, response);
  }
}
