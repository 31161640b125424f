package io.primehub.phdeploy.core.catalog;

import io.primehub.phdeploy.core.model.Failure;
import java.util.Objects;

/**
 * What the catalog says about a deployment's group and instance type: they resolve, the
 * deployment is rejected with a failure to report, or the catalog could not be read. The last is
 * no answer about the deployment and must be retried, never reported as a missing group.
 */
public sealed interface CatalogVerdict {

  /**
   * The group may deploy on this instance type.
   *
   * @param group the deployment's group
   * @param instanceType the predictor's instance type
   */
  record Resolved(Group group, InstanceType instanceType) implements CatalogVerdict {

    /** A resolution; both parts are required. */
    public Resolved {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(instanceType, "instanceType");
    }
  }

  /**
   * The catalog rules the deployment out.
   *
   * @param failure the reason and the message for the deployment's status
   */
  record Rejected(Failure failure) implements CatalogVerdict {

    /** A rejection; the failure is required. */
    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * The catalog could not be read, so nothing is known about the deployment.
   *
   * @param message why, as the catalog source said it
   */
  record Unavailable(String message) implements CatalogVerdict {

    /** An outage; the message is required. */
    public Unavailable {
      Objects.requireNonNull(message, "message");
    }
  }
}
