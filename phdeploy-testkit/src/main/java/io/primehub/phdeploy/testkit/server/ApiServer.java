package io.primehub.phdeploy.testkit.server;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-memory Kubernetes API server: fabric8's mock server in CRUD mode, over plain HTTP on a
 * free local port, with the {@link Journal}, the {@link Faults} and the {@link PodLogs}. Admission
 * webhooks and write observers plug in with {@link #register(AdmissionWebhook)} and
 * {@link #register(WriteObserver)}.
 */
public final class ApiServer implements AutoCloseable {

  /**
   * fabric8's mock web server logs every request at INFO through java.util.logging, which
   * drowns what a test or a demo prints; the logger is held here so the level is not lost with
   * it.
   */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;
  private final ClusterDispatcher dispatcher;
  private final Journal journal;
  private final Faults faults;
  private final PodLogs logs;

  private ApiServer(Clock clock) {
    WatchConnections watches = new WatchConnections();
    this.journal = new Journal();
    this.faults = new Faults(watches);
    this.logs = new PodLogs(clock);
    this.dispatcher = new ClusterDispatcher(journal, faults, watches, logs);
    dispatcher.register(logs);
    this.server = new KubernetesMockServer(
        new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
  }

  /**
   * Starts a server on a free port of the loopback interface.
   *
   * @param clock the cluster's clock, which stamps the pods' log lines
   */
  public static ApiServer start(Clock clock) {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
    ApiServer apiServer = new ApiServer(clock);
    apiServer.server.init();
    return apiServer;
  }

  /** The URL clients connect to, for example {@code http://localhost:40123/}. */
  public String masterUrl() {
    return server.url("/");
  }

  /** Lets this webhook review every write from now on. */
  public void register(AdmissionWebhook webhook) {
    dispatcher.register(webhook);
  }

  /** Tells this observer of every change from now on. */
  public void register(WriteObserver observer) {
    dispatcher.register(observer);
  }

  /**
   * Stores these objects as they are, uids and statuses included, each with a new resource
   * version, as a server restored from a backup would hold them: watches and write observers
   * hear of them as of creations, and observers registered later hear of them first. Call it
   * before any client writes, owners before what they own.
   */
  public void restore(Collection<? extends HasMetadata> objects) {
    dispatcher.restore(objects);
  }

  /** Reads what the server stores, without a request. */
  public ObjectStore store() {
    return dispatcher;
  }

  /** The count of requests. */
  public Journal journal() {
    return journal;
  }

  /** The faults injected into requests. */
  public Faults faults() {
    return faults;
  }

  /** The pods' logs, which the server serves. */
  public PodLogs logs() {
    return logs;
  }

  /** Stops the server; open connections are closed. */
  @Override
  public void close() {
    server.destroy();
  }
}
