package io.primehub.phdeploy.k8s.catalog;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.CatalogSubscription;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog from PrimeHub's GraphQL API: the groups, with their model-deployment switch, quota,
 * members and instance types, fetched with a bearer secret and kept for a time to live. How
 * PrimeHub's numbers become quantities is described on {@link Builder#build()}.
 *
 * <p>A fetch is retried a few times with a growing pause when the server cannot be reached or
 * answers 5xx or 429, and a circuit breaker stops asking a server whose recent fetches all
 * failed until some time has passed, so that a dead server is not hammered by every reconcile.
 * Any failure throws a {@link CatalogUnavailableException} that names the URL and says what
 * happened (HTTP status, GraphQL {@code errors[].message}, timeout, circuit open), never an empty
 * catalog. A failed fetch is not cached: the next call asks again, through the breaker.
 *
 * <p>The source fetches only when asked after its time to live, so listeners hear of a change
 * when some caller's question finds it; they are told when a fetch answers a different catalog
 * than the one before, and when an outage begins or ends. The secret appears in no message, log
 * or {@code toString}.
 */
public final class GraphQlCatalogSource implements CloseableCatalogSource {

  private static final Logger LOG = LoggerFactory.getLogger(GraphQlCatalogSource.class);

  private final URI url;
  private final Duration ttl;
  private final Duration openCircuitFor;
  private final Clock clock;
  private final GraphQlClient client;
  private final CheckedSupplier<Catalog> guardedFetch;
  private final LatestAnswer latest;
  private @Nullable Catalog cached;
  private Instant fetchedAt = Instant.MIN;

  private GraphQlCatalogSource(Builder builder) {
    this.url = builder.url;
    this.ttl = builder.ttl;
    this.openCircuitFor = builder.openCircuitFor;
    this.clock = builder.clock;
    this.client = new GraphQlClient(
        builder.url, builder.secret, builder.connectTimeout, builder.requestTimeout);
    this.latest = LatestAnswer.unanswered("PrimeHub GraphQL API at " + builder.url);
    Retry retry = Retry.of("phdeploy-catalog-retry", RetryConfig.custom()
        .maxAttempts(builder.attempts)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(builder.firstRetryPause, 2.0))
        .retryOnException(e -> e instanceof GraphQlFailure failure && failure.isTransient())
        .build());
    retry.getEventPublisher().onRetry(event -> LOG.debug("Asking {} again (attempt {}): {}",
        url, event.getNumberOfRetryAttempts() + 1, event.getLastThrowable().getMessage()));
    CircuitBreaker breaker = CircuitBreaker.of("phdeploy-catalog-circuit",
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(builder.failuresToOpenCircuit)
            .minimumNumberOfCalls(builder.failuresToOpenCircuit)
            .failureRateThreshold(100)
            .permittedNumberOfCallsInHalfOpenState(1)
            .waitDurationInOpenState(builder.openCircuitFor)
            .clock(builder.clock)
            .build());
    // The breaker sees one outcome per fetch, retries included, so that its count is of fetches.
    this.guardedFetch = CircuitBreaker.decorateCheckedSupplier(
        breaker, Retry.decorateCheckedSupplier(retry, this::fetchOnce));
  }

  /** A builder for a source that posts to {@code url} with {@code secret} as bearer token. */
  public static Builder builder(URI url, String secret) {
    return new Builder(url, secret);
  }

  /**
   * The catalog, fetched again if the cached one is older than the time to live.
   *
   * @throws CatalogUnavailableException naming the URL and the failure if the fetch failed
   */
  @Override
  public synchronized Catalog catalog() throws CatalogUnavailableException {
    Instant now = clock.instant();
    Catalog known = cached;
    if (known != null && now.isBefore(fetchedAt.plus(ttl))) {
      return known;
    }
    Catalog fetched = fetch();
    cached = fetched;
    fetchedAt = clock.instant();
    latest.answer(fetched);
    return fetched;
  }

  /**
   * Listeners are told when a fetch answers a different catalog, and when an outage begins or
   * ends.
   */
  @Override
  public CatalogSubscription subscribe(Runnable onChange) {
    return latest.subscribe(onChange);
  }

  /** Does nothing: between calls the source holds no thread, watch or open request. */
  @Override
  public void close() {
    // The JDK's HTTP client of Java 17 has no close; its idle connections end with it.
  }

  /** The URL and the time to live, for logs; never the secret. */
  @Override
  public String toString() {
    return "GraphQlCatalogSource[" + url + ", ttl " + ttl + "]";
  }

  private Catalog fetch() throws CatalogUnavailableException {
    try {
      return guardedFetch.get();
    } catch (CallNotPermittedException e) {
      throw latest.fail("not asked, because its recent fetches failed; the circuit breaker"
          + " lets one fetch through " + openCircuitFor + " after it opened", e);
    } catch (GraphQlFailure e) {
      throw latest.fail(e.getMessage(), e);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw latest.fail("failed unexpectedly: " + e, e);
    }
  }

  private Catalog fetchOnce() throws GraphQlFailure {
    try {
      Catalog catalog = PrimeHubCatalog.fromData(client.query(PrimeHubCatalog.QUERY));
      CatalogRules.check(catalog);
      return catalog;
    } catch (IllegalArgumentException e) {
      throw new GraphQlFailure("answered groups phdeploy cannot use: " + e.getMessage(), false, e);
    }
  }

  /**
   * Settings of a {@link GraphQlCatalogSource}; every one but the URL and the secret has a
   * default.
   */
  public static final class Builder {

    private final URI url;
    private final String secret;
    private Duration ttl = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private int attempts = 3;
    private Duration firstRetryPause = Duration.ofMillis(200);
    private int failuresToOpenCircuit = 5;
    private Duration openCircuitFor = Duration.ofSeconds(30);

    private Builder(URI url, String secret) {
      this.url = Objects.requireNonNull(url, "url");
      if (!url.isAbsolute() || !("http".equals(url.getScheme())
          || "https".equals(url.getScheme()))) {
        throw new IllegalArgumentException("the GraphQL URL must be http or https, got " + url);
      }
      Objects.requireNonNull(secret, "secret");
      if (secret.isBlank()) {
        throw new IllegalArgumentException("the GraphQL secret is blank");
      }
      this.secret = secret;
    }

    /** How long a fetched catalog is answered without asking again; 30 seconds by default. */
    public Builder ttl(Duration ttl) {
      this.ttl = nonNegative(ttl, "ttl");
      return this;
    }

    /** How long to wait for a connection; 5 seconds by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for an answer to one request; 10 seconds by default. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The clock of the time to live and of the circuit breaker; the system's by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How often one fetch may send its request, and the pause before the first repeat, which
     * doubles each time; 3 attempts from 200 ms by default. Only a failure to connect, a
     * timeout, 5xx and 429 are tried again.
     */
    public Builder retry(int attempts, Duration firstPause) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
      }
      this.attempts = attempts;
      this.firstRetryPause = positive(firstPause, "firstPause");
      return this;
    }

    /**
     * When the circuit breaker opens, after this many fetches in a row failed, and how long it
     * stays open before letting one fetch try again; 5 fetches and 30 seconds by default.
     */
    public Builder circuitBreaker(int failedFetches, Duration openFor) {
      if (failedFetches < 1) {
        throw new IllegalArgumentException(
            "failedFetches must be at least 1, got " + failedFetches);
      }
      this.failuresToOpenCircuit = failedFetches;
      this.openCircuitFor = positive(openFor, "openFor");
      return this;
    }

    /**
     * The source. PrimeHub's quota and instance type values become quantities thus: a string is
     * a Kubernetes quantity as it stands; a number is CPU cores, a GPU count, or memory in
     * decimal gigabytes ({@code 16} is {@code 16G}) as PrimeHub stores it; {@code null} is no
     * limit.
     */
    public GraphQlCatalogSource build() {
      return new GraphQlCatalogSource(this);
    }

    /** The URL, for logs; never the secret. */
    @Override
    public String toString() {
      return "GraphQlCatalogSource.Builder[" + url + "]";
    }

    private static Duration nonNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + duration);
      }
      return duration;
    }

    private static Duration positive(Duration duration, String name) {
      if (nonNegative(duration, name).isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }
  }
}
