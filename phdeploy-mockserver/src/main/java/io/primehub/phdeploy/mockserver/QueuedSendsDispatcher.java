package io.primehub.phdeploy.mockserver;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mixed dispatcher (expected responses first, CRUD for the rest) whose web sockets,
 * watches among them, send through {@link QueuedSends}: a watch a client closes while events are
 * on their way to it cannot freeze the server.
 */
public final class QueuedSendsDispatcher extends KubernetesMixedDispatcher {

  /** A dispatcher that answers the expectations recorded in {@code responses} first. */
  public QueuedSendsDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
    super(responses);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse response = super.dispatch(request);
    return response == null || response.getWebSocketListener() == null
        ? response
        : response.withWebSocketUpgrade(new QueuedSends(response.getWebSocketListener()));
  }
}
