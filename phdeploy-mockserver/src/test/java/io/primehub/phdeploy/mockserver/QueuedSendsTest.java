package io.primehub.phdeploy.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuedSendsTest {

  private final SlowSocket socket = new SlowSocket();
  private final Recording listener = new Recording();

  @Test
  void theListenerSendsThroughAQueueThatDoesNotWaitForTheSocket() throws Exception {
    QueuedSends sends = new QueuedSends(listener);

    sends.onOpen(socket, null);

    assertThat(listener.opened).isInstanceOf(QueuedSocket.class);
    assertThat(listener.opened.send("one")).isTrue();
    assertThat(socket.awaitSending()).isTrue();
    assertThat(listener.opened.send("two")).isTrue();
    socket.release();
    assertThat(socket.awaitEnded(2)).isTrue();
    assertThat(socket.sent()).containsExactly("one", "two");
  }

  @Test
  void theQueueEndsWithTheSocketBeforeTheListenerHearsOfIt() {
    QueuedSends sends = new QueuedSends(listener);
    sends.onOpen(socket, null);

    sends.onClosed(socket, 1000, "done");

    assertThat(listener.sendAfterEnd).isFalse();
    assertThat(listener.events).containsExactly("open", "closed 1000 done");
  }

  @Test
  void aFailedSocketEndsTheQueueToo() {
    QueuedSends sends = new QueuedSends(listener);
    sends.onOpen(socket, null);

    sends.onFailure(socket, new IllegalStateException("reset"), null);

    assertThat(listener.sendAfterEnd).isFalse();
    assertThat(listener.events).containsExactly("open", "failed reset");
  }

  @Test
  void theDecoratorWrapsTheQueue() {
    List<WebSocket> decorated = new ArrayList<>();
    QueuedSends sends = new QueuedSends(listener, queue -> {
      decorated.add(queue);
      return socket;
    });

    sends.onOpen(socket, null);

    assertThat(decorated).singleElement().isInstanceOf(QueuedSocket.class);
    assertThat(listener.opened).isSameAs(socket);
  }

  @Test
  void messagesAndClosingReachTheListener() {
    QueuedSends sends = new QueuedSends(listener);

    sends.onMessage(socket, "ping");
    sends.onClosing(socket, 1001, "going away");

    assertThat(listener.events).containsExactly("message ping", "closing 1001 going away");
  }

  /** Records what it hears, and tries a send on the socket it was opened with once it ends. */
  private static final class Recording extends WebSocketListener {

    final List<String> events = new ArrayList<>();
    WebSocket opened;
    Boolean sendAfterEnd;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened = webSocket;
      events.add("open");
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      events.add("message " + text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.add("closing " + code + " " + reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      sendAfterEnd = opened.send("late");
      events.add("closed " + code + " " + reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
      sendAfterEnd = opened.send("late");
      events.add("failed " + failure.getMessage());
    }
  }
}
