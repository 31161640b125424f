package io.primehub.phdeploy.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * fabric8's CRUD API server, with what a real API server adds around its storage: the journal
 * counts every request, injected faults answer the requests they hit, admission webhooks review
 * writes, pods' logs are served, the status of built-in kinds is a subresource, errors carry a
 * {@code Status} body, observers learn of every change, and a watch never misses a deletion that
 * happened after the resource version it starts from ({@link Tombstones}).
 */
final class ClusterDispatcher extends IndexedCrudDispatcher implements ObjectStore {

  /** Built-in kinds whose status only the status subresource may change. */
  private static final Set<String> STATUS_SUBRESOURCES = Set.of(
      "pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "services",
      "ingresses", "nodes", "namespaces", "persistentvolumeclaims");

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0-phdeploy-testkit\"}";

  private final Journal journal;
  private final Faults faults;
  private final WatchConnections watches;
  private final LogEndpoint logEndpoint;
  private final List<AdmissionWebhook> webhooks = new CopyOnWriteArrayList<>();
  private final List<WriteObserver> observers = new CopyOnWriteArrayList<>();
  private final Tombstones tombstones = new Tombstones();
  private final List<StoredObject> restored = new ArrayList<>();
  // A watch is checked against the deletions and registered as one step, which no deletion may
  // split: either the watch is registered in time to hear of the deletion, or the deletion's
  // tombstone is recorded in time to be replayed to it; never both, never neither.
  private final ReadWriteLock deletions = new ReentrantReadWriteLock();

  ClusterDispatcher(Journal journal, Faults faults, WatchConnections watches, PodLogs logs) {
    this.journal = journal;
    this.faults = faults;
    this.watches = watches;
    this.logEndpoint = new LogEndpoint(logs, this);
  }

  void register(AdmissionWebhook webhook) {
    webhooks.add(webhook);
  }

  void register(WriteObserver observer) {
    restored.forEach(observer::stored);
    observers.add(observer);
  }

  /**
   * Stores objects as they are, uids and statuses included, as a server restored from a backup
   * holds them, and tells the watches and observers. Only before any client writes: it does not
   * take fabric8's lock. Observers registered later hear of them first.
   */
  void restore(Collection<? extends HasMetadata> objects) {
    for (HasMetadata object : objects) {
      long resourceVersion = requestResourceVersion();
      object.getMetadata().setResourceVersion(String.valueOf(resourceVersion));
      String group = HasMetadata.getGroup(object.getClass());
      String version = HasMetadata.getVersion(object.getClass());
      String plural = HasMetadata.getPlural(object.getClass());
      ObjectMeta metadata = object.getMetadata();
      String path = new ApiRequest(Verb.CREATE, group, version, plural, "",
          metadata.getNamespace(), "", Map.of(), "").collectionPath();
      String json = Serialization.asJson(object);
      processEvent(path, getKey(path).add(new Attribute("name", metadata.getName())), null,
          Serialization.unmarshal(json, GenericKubernetesResource.class), json);
      StoredObject stored = new StoredObject(group, version, object.getKind(), plural,
          metadata.getNamespace(), metadata.getName(), metadata.getUid(), resourceVersion,
          metadata.getOwnerReferences().stream().map(OwnerReference::getUid).toList());
      restored.add(stored);
      observers.forEach(observer -> observer.stored(stored));
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    ApiRequest api =
        ApiRequest.of(request.getMethod(), request.getPath(), request.getHeader("User-Agent"));
    journal.record(api);
    FaultAction fault = faults.hit(api).map(InjectedFault::action).orElse(null);
    if (fault instanceof FaultAction.Respond respond) {
      return StatusResponses.failure(respond.code(), api);
    }
    MockResponse response = serve(api, request, fault instanceof FaultAction.DropWatch);
    if (fault instanceof FaultAction.Delay delay) {
      response.setBodyDelay(delay.delay());
    }
    return response;
  }

  @Override
  public Optional<String> get(String path) {
    MockResponse response = super.handleGet(path);
    return response.code() == 200 ? Optional.of(bodyOf(response)) : Optional.empty();
  }

  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    ApiRequest request = ApiRequest.of("GET", path, null);
    return STATUS_SUBRESOURCES.contains(request.resource())
        || super.isStatusSubresourceEnabledForResource(path);
  }

  private MockResponse serve(ApiRequest api, RecordedRequest request, boolean dropWatch) {
    if (api.resource().isEmpty() && request.getPath().startsWith("/version")) {
      return new MockResponse().setResponseCode(200).setBody(VERSION);
    }
    if (LogEndpoint.handles(api)) {
      return logEndpoint.serve(api);
    }
    if (api.verb().writes() && api.verb() != Verb.DELETE) {
      Optional<MockResponse> denial =
          admit(api, new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
      if (denial.isPresent()) {
        return denial.get();
      }
    }
    MockResponse response = switch (api.verb()) {
      case WATCH -> locked(deletions.readLock(), () -> watch(api, request, dropWatch));
      case DELETE -> locked(deletions.writeLock(), () -> delete(api, request));
      default -> super.dispatch(request);
    };
    if (response == null) {
      return StatusResponses.failure(405, "the server does not allow this method");
    }
    if (response.code() >= 400 && bodyOf(response).isEmpty()) {
      return StatusResponses.failure(response.code(), api);
    }
    if (api.verb().writes() && response.code() < 400) {
      notifyObservers(api, bodyOf(response));
    }
    return response;
  }

  /** A watch, greeted with the deletions it would miss since the version it starts from. */
  private MockResponse watch(ApiRequest api, RecordedRequest request, boolean dropWatch) {
    Optional<String> tooOld = tombstones.refusal(api);
    if (tooOld.isPresent()) {
      return StatusResponses.failure(410, tooOld.get());
    }
    List<String> missed = tombstones.missedBy(api);
    MockResponse response = super.dispatch(request);
    return response == null || response.getWebSocketListener() == null
        ? response
        : response.withWebSocketUpgrade(
            watches.track(api, response.getWebSocketListener(), dropWatch, missed));
  }

  /** A deletion, remembered for the watches that start from before it. */
  private MockResponse delete(ApiRequest api, RecordedRequest request) {
    MockResponse response = super.dispatch(request);
    if (response == null || response.code() >= 400 || bodyOf(response).isEmpty()) {
      return response;
    }
    for (JsonNode finalState : StoredObject.objectsIn(api, bodyOf(response))) {
      StoredObject object = StoredObject.of(api, finalState);
      // An object with finalizers is only marked for deletion: it is still there to watch.
      if (super.handleGet(object.apiPath()).code() == HttpURLConnection.HTTP_NOT_FOUND) {
        tombstones.deleted(object, finalState, requestResourceVersion());
      }
    }
    return response;
  }

  private static MockResponse locked(Lock lock, Supplier<MockResponse> serve) {
    lock.lock();
    try {
      return serve.get();
    } finally {
      lock.unlock();
    }
  }

  private Optional<MockResponse> admit(ApiRequest api, String body) {
    for (AdmissionWebhook webhook : webhooks) {
      Optional<String> reason = webhook.review(api, body);
      if (reason.isPresent()) {
        return Optional.of(StatusResponses.failure(400,
            "admission webhook \"" + webhook.name() + "\" denied the request: " + reason.get()));
      }
    }
    return Optional.empty();
  }

  private void notifyObservers(ApiRequest api, String body) {
    if (body.isEmpty()) {
      return;
    }
    for (StoredObject object : StoredObject.fromBody(api, body)) {
      if (api.verb() == Verb.DELETE) {
        observers.forEach(observer -> observer.deleted(object));
      } else {
        observers.forEach(observer -> observer.stored(object));
      }
    }
  }

  private static String bodyOf(MockResponse response) {
    return response.getBody() == null
        ? ""
        : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
  }
}
