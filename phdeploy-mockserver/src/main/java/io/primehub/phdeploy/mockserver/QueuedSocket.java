package io.primehub.phdeploy.mockserver;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A web socket as a mock server's listener sees it: each send is queued and made, in order, by a
 * thread of this socket's own. fabric8's watch listener, told on the server's event loop that its
 * socket ended, waits there for its pending sends, and a send made off that loop waits for that
 * same loop to write it: the server froze for up to half a minute whenever a watch ended with
 * events still to send. With the sends made here the listener never waits for them. Once the
 * socket has ended ({@link #ended()}), what is still queued is dropped.
 */
public final class QueuedSocket implements WebSocket {

  private final WebSocket socket;
  private final ExecutorService sender;

  /** Queues the sends to {@code socket}. */
  public QueuedSocket(WebSocket socket) {
    this.socket = socket;
    this.sender = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "phdeploy-mockserver-send");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public RecordedRequest request() {
    return socket.request();
  }

  @Override
  public boolean send(String text) {
    return queue(() -> socket.send(text));
  }

  @Override
  public boolean send(byte[] bytes) {
    return queue(() -> socket.send(bytes));
  }

  @Override
  public boolean close(int code, String reason) {
    return socket.close(code, reason);
  }

  /** Drops the sends still queued and lets the thread go: the socket has ended. */
  public void ended() {
    sender.shutdownNow();
  }

  private boolean queue(Runnable send) {
    try {
      sender.execute(send);
      return true;
    } catch (RejectedExecutionException ended) {
      return false;
    }
  }
}
