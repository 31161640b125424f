package io.primehub.phdeploy.testkit.server;

import io.primehub.phdeploy.core.Nullable;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Says which requests a fault hits and how often, then what it does to them. The methods that
 * narrow or limit return this builder; {@link #respond}, {@link #delay} and {@link #dropWatch}
 * put the fault in force and return it. By default a fault hits every matching request, for as
 * long as it is in force, except those the simulators send.
 *
 * <pre>{@code
 * cluster.faults().on(Verb.UPDATE, "deployments").named("deploy-web").times(1).respond(409);
 * cluster.faults().on(Verb.WATCH, "pods").times(1).dropWatch();
 * }</pre>
 */
public final class FaultBuilder {

  private final Faults owner;
  private final @Nullable Verb verb;
  private final @Nullable String resource;
  private @Nullable String name;
  private @Nullable String namespace;
  private @Nullable String userAgent;
  private boolean includingSimulators;
  private int times = InjectedFault.UNLIMITED;
  private double probability = 1.0;
  private @Nullable Random random;

  FaultBuilder(Faults owner, @Nullable Verb verb, @Nullable String resource) {
    this.owner = owner;
    this.verb = verb;
    this.resource = resource;
  }

  /**
   * Hits only requests for the object of this name: named in the path, or picked by a
   * {@code metadata.name} field selector as a watch of one object is.
   */
  public FaultBuilder named(String objectName) {
    this.name = Objects.requireNonNull(objectName, "objectName");
    return this;
  }

  /** Hits only requests in this namespace. */
  public FaultBuilder inNamespace(String namespaceName) {
    this.namespace = Objects.requireNonNull(namespaceName, "namespaceName");
    return this;
  }

  /**
   * Hits only requests sent with this {@code User-Agent}, the simulators' own
   * ({@link ApiRequest#SIMULATOR_USER_AGENT}) included.
   */
  public FaultBuilder fromUserAgent(String agent) {
    this.userAgent = Objects.requireNonNull(agent, "agent");
    return this;
  }

  /** Hits the simulators' requests too, which are spared by default. */
  public FaultBuilder includingSimulators() {
    this.includingSimulators = true;
    return this;
  }

  /**
   * Hits at most this many requests; afterwards the fault stays in force but hits nothing.
   *
   * @throws IllegalArgumentException if the count is not positive
   */
  public FaultBuilder times(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("times must be positive, got " + count);
    }
    this.times = count;
    return this;
  }

  /**
   * Hits each matching request with this probability, drawn from this random source; seed it
   * for a repeatable test.
   *
   * @throws IllegalArgumentException if the probability is not between 0 and 1
   */
  public FaultBuilder withProbability(double chance, Random source) {
    if (chance < 0 || chance > 1) {
      throw new IllegalArgumentException("probability must be between 0 and 1, got " + chance);
    }
    this.probability = chance;
    this.random = Objects.requireNonNull(source, "source");
    return this;
  }

  /**
   * Answers the requests with this HTTP code and a Kubernetes {@code Status} body, without
   * serving them: for example 500, 409 (a conflict), 429 (with {@code Retry-After}), or 410 on a
   * watch (its resource version expired).
   *
   * @throws IllegalArgumentException if the code is not an error code
   */
  public InjectedFault respond(int code) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("an injected answer must be an error, got " + code);
    }
    return install(new FaultAction.Respond(code));
  }

  /**
   * Serves the requests, but sends each answer's body this much later, as a slow network would.
   * The request takes effect at once; only its answer is late. Watches are not delayed.
   */
  public InjectedFault delay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay must not be negative, got " + delay);
    }
    return install(new FaultAction.Delay(delay));
  }

  /**
   * Drops watch connections: those of matching watches open now are closed before this returns,
   * so that no later event reaches them, and matching watches opened later are closed as soon as
   * they are accepted, each counting as a hit. Clients see the connection end and must watch
   * again.
   */
  public InjectedFault dropWatch() {
    return install(new FaultAction.DropWatch());
  }

  private InjectedFault install(FaultAction action) {
    Match match = new Match(verb, resource, name, namespace, userAgent, includingSimulators);
    return owner.install(new InjectedFault(owner, match, action, times, probability, random));
  }

  /** Which requests a fault hits. */
  record Match(
      @Nullable Verb verb,
      @Nullable String resource,
      @Nullable String name,
      @Nullable String namespace,
      @Nullable String userAgent,
      boolean includingSimulators) implements Predicate<ApiRequest> {

    @Override
    public boolean test(ApiRequest request) {
      return (verb == null || verb == request.verb())
          && (resource == null || resource.equals(request.resourcePath()))
          && (name == null || name.equals(request.objectName()))
          && (namespace == null || namespace.equals(request.namespace()))
          && sender(request);
    }

    private boolean sender(ApiRequest request) {
      if (userAgent != null) {
        return userAgent.equals(request.userAgent());
      }
      return includingSimulators || !request.fromSimulator();
    }
  }
}
