package io.primehub.phdeploy.testkit.gateway;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.naming.EndpointPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CancellationException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A local HTTP server that answers predictions for a test cluster the way PrimeHub's ingress and
 * the deployments' pods would: {@code POST <baseUrl>/deployment/<name>/api/v1.0/predictions}
 * with a Seldon message (or {@code GET} with it in the {@code json} query parameter), so that
 * {@code curl} and any HTTP client work against the cluster unchanged.
 *
 * <p>It reads the cluster only through informers on the deployment pods, Ingresses and Secrets;
 * a request never calls the API server. A deployment is routable while its Ingress
 * {@code deploy-<name>} exists; requests go round-robin to its Ready pods, each of which answers
 * with the {@link Model} registered for the image of its {@code model} container. A private
 * endpoint's Ingress makes the gateway require HTTP basic credentials
 * {@code <client name>:<token>} that match the htpasswd Secret the Ingress names.
 *
 * <p>Failures answer with a Seldon failure whose code is the HTTP status: {@code 404} for an
 * unknown deployment, {@code 401} for missing or wrong credentials, {@code 503} while no pod is
 * ready, {@code 502} when no model is registered for the image, {@code 400} for a malformed
 * message and {@code 500} when the model throws.
 *
 * <p>Informers see changes a moment after they happen; {@link #awaitRoute} waits for the
 * gateway to see one.
 */
public final class PredictionGateway implements AutoCloseable {

  private static final int THREADS = 4;

  private final ClusterCaches caches;
  private final RouteTable routes;
  private final RouteWaiters waiters;
  private final RequestCounts counts = new RequestCounts();
  private final ModelRegistry models;
  private final ExecutorService executor;
  private final HttpServer server;
  private final URI baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PredictionGateway(Builder builder, ClusterCaches caches) throws IOException {
    this.caches = caches;
    this.routes = new RouteTable(caches);
    this.waiters = new RouteWaiters(routes::route);
    this.models = builder.models;
    this.server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
    this.executor = Executors.newFixedThreadPool(THREADS, threadsNamed("phdeploy-gateway-"));
    server.createContext("/", new PredictionHandler(routes, models, counts, builder.onServed,
        deployment -> readyRoute(deployment, builder.readyReplicaWait)));
    server.setExecutor(executor);
    server.start();
    caches.onChange(waiters::recheck);
    this.baseUrl = URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /**
   * A builder of a gateway that reads the cluster through {@code client}.
   *
   * @param client the client of the cluster; the gateway does not close it
   */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** {@code http://localhost:<port>}: where the gateway listens. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** {@code <baseUrl>/deployment/<name>/api/v1.0/predictions}: a deployment's prediction URL. */
  public URI predictionUrl(String deploymentName) {
    return URI.create(EndpointPaths.predictionUrl(baseUrl.toString(), deploymentName));
  }

  /** The models the gateway serves; changes apply to the next request. */
  public ModelRegistry models() {
    return models;
  }

  /**
   * How many requests each pod of a deployment has been sent so far, by pod name in order: the
   * way to see the round-robin at work. Requests refused before a pod was chosen do not count.
   */
  public Map<String, Long> requestsByPod(String deploymentName) {
    return counts.byPod(deploymentName);
  }

  /** The deployment's route as the gateway sees it now; empty while it has no Ingress. */
  public Optional<DeploymentRoute> route(String deploymentName) {
    return routes.route(deploymentName);
  }

  /**
   * A future that completes with the deployment's route once the gateway's caches show one that
   * satisfies {@code condition}, for example that two pods are ready. It is checked now and
   * after every change the informers see; bound the wait with {@link CompletableFuture#get(long,
   * java.util.concurrent.TimeUnit)} or {@link CompletableFuture#orTimeout}. It fails if the
   * gateway closes first, or if {@code condition} throws.
   */
  public CompletableFuture<DeploymentRoute> awaitRoute(
      String deploymentName, Predicate<? super DeploymentRoute> condition) {
    return waiters.await(
        Objects.requireNonNull(deploymentName, "deploymentName"),
        Objects.requireNonNull(condition, "condition"));
  }

  /** Stops serving and watching; requests in flight are cut off. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
      caches.close();
      waiters.close();
    }
  }

  private static ThreadFactory threadsNamed(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
      // Like the informers' threads: a gateway left open must not keep a test JVM alive.
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The route of a deployment once it has a ready replica, waiting at most {@code wait} for one:
   * the pods the cluster reports ready reach this gateway's caches a moment later, as they
   * reach an ingress controller's, and a request meanwhile is better held than refused.
   */
  private Optional<DeploymentRoute> readyRoute(String deployment, Duration wait) {
    if (wait.isZero()) {
      return Optional.empty();
    }
    CompletableFuture<DeploymentRoute> ready =
        waiters.await(deployment, route -> !route.readyPods().isEmpty());
    try {
      return Optional.of(ready.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException | CancellationException none) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      // A wait given up on is cancelled, so that the waiters forget it.
      ready.cancel(false);
    }
  }

  /** Requests held for a ready replica now, for tests of the hold. */
  int heldRequests() {
    return waiters.pending();
  }

  /** Settings of a {@link PredictionGateway}, and {@link #start()}. */
  public static final class Builder {

    private final KubernetesClient client;
    private ModelRegistry models = new ModelRegistry();
    private int port;
    private Optional<String> namespace = Optional.empty();
    private Consumer<ServedPrediction> onServed = served -> {};
    private Duration readyReplicaWait = Duration.ofSeconds(2);

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The models to serve; by default an empty registry, reachable as {@link #models()}. */
    public Builder models(ModelRegistry models) {
      this.models = Objects.requireNonNull(models, "models");
      return this;
    }

    /**
     * The port on localhost to listen on; {@code 0}, the default, takes any free port.
     *
     * @throws IllegalArgumentException if it is not a port number
     */
    public Builder port(int port) {
      if (port < 0 || port > 0xFFFF) {
        throw new IllegalArgumentException("a port is 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Routes only the deployments of this namespace. */
    public Builder namespace(String namespace) {
      this.namespace = Optional.of(Objects.requireNonNull(namespace, "namespace"));
      return this;
    }

    /** Routes the deployments of all namespaces, as a cluster-wide ingress does; the default. */
    public Builder allNamespaces() {
      this.namespace = Optional.empty();
      return this;
    }

    /**
     * Called for every request a pod answered, on the thread that serves it, just before the
     * answer is sent; a listener that throws is logged and ignored.
     */
    public Builder onServed(Consumer<ServedPrediction> onServed) {
      this.onServed = Objects.requireNonNull(onServed, "onServed");
      return this;
    }

    /**
     * How long a request to a deployment without a ready replica is held for one to become
     * ready before it is answered 503; 2 seconds unless set, zero to answer at once.
     */
    public Builder readyReplicaWait(Duration wait) {
      if (wait.isNegative()) {
        throw new IllegalArgumentException("a wait cannot be negative, got " + wait);
      }
      this.readyReplicaWait = wait;
      return this;
    }

    /**
     * Starts watching the cluster and, once the informers hold its current state, serving.
     *
     * @throws IllegalStateException if the informers cannot start
     * @throws UncheckedIOException if the port cannot be listened on
     */
    public PredictionGateway start() {
      ClusterCaches caches = ClusterCaches.start(client, namespace);
      try {
        return new PredictionGateway(this, caches);
      } catch (IOException e) {
        caches.close();
        throw new UncheckedIOException("the prediction gateway cannot listen on port " + port, e);
      } catch (RuntimeException e) {
        caches.close();
        throw e;
      }
    }
  }
}
