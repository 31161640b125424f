package io.primehub.phdeploy.core.history;

import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import java.util.List;

/**
 * Finds the spec a rollback re-applies. Revisions count back from the newest record of
 * {@code status.history}: revision 0 is the newest record (the spec applied now), 1 the one
 * before it, and so on up to {@code history.size() - 1}, the oldest kept. Rolling back to
 * revision 1 therefore undoes the last change. The spec found is applied as a new change, so
 * it is then recorded again as revision 0.
 */
public final class Rollback {

  private Rollback() {}

  /**
   * The spec recorded at a revision.
   *
   * @param history the recorded history, newest first
   * @param revision 0 for the newest record, 1 for the previous one, ...
   * @throws IllegalArgumentException if the history holds no such revision; the message gives
   *     the valid range
   */
  public static PhDeploymentSpec specAt(List<HistoryRecord> history, int revision) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot roll back to revision " + revision + ": the history is empty");
    }
    if (revision < 0 || revision >= history.size()) {
      throw new IllegalArgumentException("cannot roll back to revision " + revision
          + ": the history holds revisions 0 (the newest) to " + (history.size() - 1));
    }
    return history.get(revision).spec();
  }
}
