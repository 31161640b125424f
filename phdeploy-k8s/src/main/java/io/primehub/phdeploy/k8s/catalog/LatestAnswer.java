package io.primehub.phdeploy.k8s.catalog;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.CatalogListeners;
import io.primehub.phdeploy.core.catalog.CatalogSubscription;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a source answers now, a catalog or an outage, and the listeners to tell when that changes.
 * The sources share it so that they log, word their outages and notify alike.
 *
 * <p>The answer changes when a different catalog replaces the catalog, or when an outage begins
 * or ends; an outage whose message changes is logged again but is no change of answer, since
 * the controller can do nothing new with it. Listeners run on the thread that recorded the change
 * and should only schedule work.
 */
final class LatestAnswer {

  private static final Logger LOG = LoggerFactory.getLogger(LatestAnswer.class);

  private final String origin;
  private final CatalogListeners listeners = new CatalogListeners();
  private @Nullable Answer current;

  private LatestAnswer(String origin, @Nullable Answer initial) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.current = initial;
  }

  /**
   * The answer of a source that has none until it is first read, so that its first answer, good
   * or bad, is no change.
   */
  static LatestAnswer unanswered(String origin) {
    return new LatestAnswer(origin, null);
  }

  /** The answer of a source that answers an outage until it is first read. */
  static LatestAnswer failing(String origin, String problem) {
    return new LatestAnswer(origin, Answer.outage(origin + ": " + problem, null));
  }

  /** Where the answers come from, as messages and logs name it. */
  String origin() {
    return origin;
  }

  /**
   * The catalog, or the outage as an exception.
   *
   * @throws CatalogUnavailableException while the source is out, or before its first answer
   */
  Catalog catalog() throws CatalogUnavailableException {
    Answer answer;
    synchronized (this) {
      answer = current;
    }
    if (answer == null || answer.catalog() == null) {
      // A fresh exception per caller, so that its stack shows where the outage was met.
      throw answer == null
          ? new CatalogUnavailableException(origin + ": not read yet")
          : new CatalogUnavailableException(answer.problem(), answer.cause());
    }
    return answer.catalog();
  }

  /** Records a catalog the source read. */
  void answer(Catalog catalog) {
    record(new Answer(Objects.requireNonNull(catalog, "catalog"), null, null));
  }

  /**
   * Records an outage and gives the exception to throw for it.
   *
   * @param problem what went wrong, without the origin, which is prefixed
   * @param cause the failure, if one caused the outage
   */
  CatalogUnavailableException fail(String problem, @Nullable Throwable cause) {
    Answer outage = Answer.outage(origin + ": " + problem, cause);
    record(outage);
    return new CatalogUnavailableException(outage.problem(), cause);
  }

  /** Adds a listener, told after every change of answer. */
  CatalogSubscription subscribe(Runnable onChange) {
    return listeners.add(Objects.requireNonNull(onChange, "onChange"));
  }

  private void record(Answer next) {
    Answer previous;
    synchronized (this) {
      previous = current;
      current = next;
    }
    log(previous, next);
    if (previous != null && !Objects.equals(previous.catalog(), next.catalog())) {
      listeners.fire();
    }
  }

  private void log(@Nullable Answer previous, Answer next) {
    Catalog catalog = next.catalog();
    if (catalog != null) {
      if (previous == null || !catalog.equals(previous.catalog())) {
        LOG.info("Read the catalog from {}: {} groups, {} instance types", origin,
            catalog.groups().size(), catalog.instanceTypes().size());
      }
    } else if (previous == null || !next.problem().equals(previous.problem())) {
      LOG.warn("The catalog is unavailable: {}", next.problem());
    }
  }

  /** A catalog, or the message and cause of an outage when {@code catalog} is null. */
  private record Answer(
      @Nullable Catalog catalog, @Nullable String problem, @Nullable Throwable cause) {

    static Answer outage(String problem, @Nullable Throwable cause) {
      return new Answer(null, problem, cause);
    }
  }
}
