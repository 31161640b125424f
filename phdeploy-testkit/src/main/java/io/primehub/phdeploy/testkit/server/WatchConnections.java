package io.primehub.phdeploy.testkit.server;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.mockserver.ForwardingListener;
import io.primehub.phdeploy.mockserver.QueuedSends;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches the server accepted and has not closed, so that a fault can drop them. Every watch
 * the CRUD server accepts passes through {@link #track}, from its acceptance, while its socket
 * may still be opening, until its socket is closed.
 */
final class WatchConnections {

  private static final Logger LOG = LoggerFactory.getLogger(WatchConnections.class);
  private static final int GOING_AWAY = 1001;
  private static final String DROPPED = "dropped by phdeploy-testkit";
  private static final int CLOSE_TIMEOUT_SECONDS = 5;

  private final Set<Tracked> watches = ConcurrentHashMap.newKeySet();

  /**
   * Wraps the listener of an accepted watch so that it can be dropped.
   *
   * @param dropAtOnce whether to close the connection as soon as it opens, before any event
   * @param firstEvents watch events to send as the connection opens, before any of the
   *     listener's
   */
  WebSocketListener track(
      ApiRequest request, WebSocketListener listener, boolean dropAtOnce,
      List<String> firstEvents) {
    Tracked tracked = new Tracked(request, listener, dropAtOnce, firstEvents);
    watches.add(tracked);
    return tracked;
  }

  /**
   * Drops the watches this fault matches, as long as it has hits left: an open one is closed, and
   * this waits until the server has let go of it; one still opening is closed as it opens. Either
   * way no event reaches them after this returns.
   */
  void drop(InjectedFault fault) {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (Tracked watch : watches) {
      if (fault.matches(watch.request) && fault.takeOne()) {
        watch.drop().ifPresent(closing::add);
      }
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("a dropped watch did not close within {}s", CLOSE_TIMEOUT_SECONDS, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Passes every event on to the CRUD server's listener, unless the watch is dropped. */
  private final class Tracked extends ForwardingListener {

    private final ApiRequest request;
    private final List<String> firstEvents;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private boolean dropAtOnce;
    private @Nullable WebSocket socket;

    Tracked(
        ApiRequest request, WebSocketListener listener, boolean dropAtOnce,
        List<String> firstEvents) {
      super(new QueuedSends(listener, queued -> request.startingResourceVersion() > 0
          ? new ResumingSocket(queued, request.startingResourceVersion())
          : queued));
      this.request = request;
      this.dropAtOnce = dropAtOnce;
      this.firstEvents = List.copyOf(firstEvents);
    }

    /** Closes the socket if open, else has it closed as it opens; answers what ends with it. */
    synchronized Optional<CompletableFuture<Void>> drop() {
      if (socket == null) {
        dropAtOnce = true;
        return Optional.empty();
      }
      close(socket);
      return Optional.of(closed);
    }

    @Override
    public synchronized void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      if (dropAtOnce) {
        // The CRUD listener never hears of this socket opening, so it never sends on it.
        close(webSocket);
      } else {
        // Sent here, before the CRUD listener queues anything on its own sending thread, so
        // that they come before its events.
        firstEvents.forEach(webSocket::send);
        super.onOpen(webSocket, response);
      }
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      watches.remove(this);
      super.onClosed(webSocket, code, reason);
      closed.complete(null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      watches.remove(this);
      super.onFailure(webSocket, t, response);
      closed.complete(null);
    }

    private void close(WebSocket webSocket) {
      LOG.debug("dropping the watch of {} for {}", request.resourcePath(), request.userAgent());
      watches.remove(this);
      webSocket.close(GOING_AWAY, DROPPED);
    }
  }
}
