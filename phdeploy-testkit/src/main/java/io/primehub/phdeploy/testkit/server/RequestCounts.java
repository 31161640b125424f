package io.primehub.phdeploy.testkit.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Counts of requests at one moment, from the {@link Journal}: filter them by who sent them, then
 * ask how many there were of a verb or resource.
 */
public final class RequestCounts {

  private final Map<RequestKey, Long> counts;

  RequestCounts(Map<RequestKey, Long> counts) {
    this.counts = Map.copyOf(counts);
  }

  /** The requests that the simulators did not send: those of the test and the code under test. */
  public RequestCounts excludingSimulators() {
    return filter(key -> !key.fromSimulator());
  }

  /** Only the simulators' requests. */
  public RequestCounts fromSimulators() {
    return filter(RequestKey::fromSimulator);
  }

  /** Only the requests sent with this {@code User-Agent}. */
  public RequestCounts fromUserAgent(String userAgent) {
    return filter(key -> key.userAgent().equals(userAgent));
  }

  /**
   * How many requests of this verb on this resource there were.
   *
   * @param resource a plural such as {@code pods}, or with a subresource such as
   *     {@code deployments/status}; a plural alone does not count its subresources
   */
  public long count(Verb verb, String resource) {
    return sum(key -> key.verb() == verb && key.resource().equals(resource));
  }

  /** How many requests of this verb there were, on any resource. */
  public long count(Verb verb) {
    return sum(key -> key.verb() == verb);
  }

  /** How many requests changed what the server stores: creates, updates, patches and deletes. */
  public long writes() {
    return sum(key -> key.verb().writes());
  }

  /** How many requests there were. */
  public long total() {
    return sum(key -> true);
  }

  /** The counts as {@code "VERB resource" -> count}, sorted, for messages and reports. */
  public Map<String, Long> byVerbAndResource() {
    return counts.entrySet().stream()
        .collect(Collectors.toMap(
            e -> e.getKey().verb() + " " + e.getKey().resource(), Map.Entry::getValue, Long::sum,
            TreeMap::new));
  }

  @Override
  public String toString() {
    return byVerbAndResource().toString();
  }

  private RequestCounts filter(Predicate<RequestKey> keep) {
    return new RequestCounts(
        counts.entrySet().stream()
            .filter(e -> keep.test(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private long sum(Predicate<RequestKey> which) {
    return counts.entrySet().stream()
        .filter(e -> which.test(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
