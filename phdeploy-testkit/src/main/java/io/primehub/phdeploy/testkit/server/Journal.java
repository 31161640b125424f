package io.primehub.phdeploy.testkit.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts every request the API server answers, by verb, resource and user agent, so that tests and
 * benchmarks can check how much a controller read and wrote, and keeps each distinct
 * {@link Access} once, so that a test can check what a client needs permission for. Requests
 * answered by an injected fault count too: the client sent them.
 */
public final class Journal {

  private final Map<RequestKey, LongAdder> counts = new ConcurrentHashMap<>();
  private final Set<Access> accesses = ConcurrentHashMap.newKeySet();

  /** Counts one request. */
  public void record(ApiRequest request) {
    counts.computeIfAbsent(RequestKey.of(request), k -> new LongAdder()).increment();
    accesses.add(Access.of(request));
  }

  /** Every distinct access so far, each once however often it was made. */
  public Set<Access> accesses() {
    return Set.copyOf(accesses);
  }

  /** The counts so far. */
  public RequestCounts snapshot() {
    return new RequestCounts(
        counts.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().sum())));
  }

  /** Forgets every count, so that what follows is counted from zero. */
  public void reset() {
    counts.clear();
    accesses.clear();
  }
}
