package io.primehub.phdeploy.core.quota;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a request fits a group's quota: it fits when there is no shortfall, and otherwise
 * carries one shortfall for each resource that cannot hold it.
 *
 * @param shortfalls the resources that cannot hold the request, at most one each; empty when it
 *     fits
 */
public record QuotaVerdict(List<Shortfall> shortfalls) {

  /** The verdict of a request that fits. */
  public static final QuotaVerdict FITS = new QuotaVerdict(List.of());

  /** A verdict; the list is copied. */
  public QuotaVerdict {
    shortfalls = List.copyOf(shortfalls);
  }

  /** Whether the request fits every resource of the quota. */
  public boolean fits() {
    return shortfalls.isEmpty();
  }

  /**
   * The failure a deployment that does not fit reports, or empty if it fits. The message names
   * the group and every short resource with its figures, and says what would make it fit.
   */
  public Optional<Failure> toFailure(String groupName) {
    if (fits()) {
      return Optional.empty();
    }
    String figures =
        shortfalls.stream().map(Shortfall::toString).collect(Collectors.joining("; "));
    return Optional.of(
        new Failure(
            FailureReason.GROUP_QUOTA_EXCEEDED,
            "The resource quota of group '" + groupName + "' is not enough for this deployment ("
                + figures + "). Ask for fewer replicas, pick a smaller instance type, stop"
                + " another deployment of the group, or ask an administrator to raise the"
                + " group's quota."));
  }
}
