package io.primehub.phdeploy.core.validation;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a spec can be deployed, and if not, tells the person every reason at once, so
 * that one round of fixes is enough. Thread-safe.
 *
 * <pre>{@code
 * List<Violation> violations = SpecValidator.withDefaults().validate("spam-classifier", spec);
 * }</pre>
 */
public final class SpecValidator {

  /**
   * The environment variables the controller sets on the model container for the Seldon engine;
   * a spec may not set them.
   */
  public static final Set<String> RESERVED_ENV_NAMES = Set.of(
      "PREDICTIVE_UNIT_SERVICE_PORT", "PREDICTIVE_UNIT_ID", "PREDICTIVE_UNIT_IMAGE",
      "PREDICTOR_ID", "SELDON_DEPLOYMENT_ID", "PREDICTIVE_UNIT_PARAMETERS");

  private final ValidationLimits limits;
  private final PredictorRules predictorRules;
  private final EnvRules envRules;
  private final EndpointRules endpointRules;

  /** A validator that enforces these limits. */
  public SpecValidator(ValidationLimits limits) {
    this.limits = limits;
    this.predictorRules = new PredictorRules(limits);
    this.envRules = new EnvRules(limits);
    this.endpointRules = new EndpointRules(limits);
  }

  /** A validator that enforces {@link ValidationLimits#defaults()}. */
  public static SpecValidator withDefaults() {
    return new SpecValidator(ValidationLimits.defaults());
  }

  /**
   * Every rule the spec breaks, in the order of its fields; empty when it can be deployed.
   *
   * @param name the deployment's {@code metadata.name}, or {@code null} when it is yet to be
   *     generated, which skips the rule of names
   */
  public List<Violation> validate(@Nullable String name, PhDeploymentSpec spec) {
    Violations out = new Violations();
    if (name != null) {
      out.add(FieldPath.NAME, NameRules.deploymentName(name));
    }
    checkText(spec, out);
    predictorRules.check(spec.predictors(), out);
    envRules.check(spec.env(), out);
    if (spec.endpoint() != null) {
      endpointRules.check(spec.endpoint(), out);
    }
    int bytes = WireJson.byteSize(spec);
    if (bytes > limits.maxSpecBytes()) {
      out.add(FieldPath.SPEC, "is " + bytes + " bytes as JSON, more than the "
          + limits.maxSpecBytes() + " allowed; shorten the description, metadata or env");
    }
    return out.toList();
  }

  /**
   * Throws when the spec breaks any rule.
   *
   * @param name as for {@link #validate(String, PhDeploymentSpec)}
   * @throws InvalidSpecException naming every violation
   */
  public void requireValid(@Nullable String name, PhDeploymentSpec spec) {
    List<Violation> violations = validate(name, spec);
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(name, violations);
    }
  }

  /** The fields people read and the catalog looks up, in the order of the wire format. */
  private void checkText(PhDeploymentSpec spec, Violations out) {
    out.add(FieldPath.SPEC.child("displayName"), Checks.requiredLine(spec.displayName(),
        limits.maxDisplayNameLength(), "give the deployment a name people will recognise"));
    checkOptionalLine(FieldPath.SPEC.child("userId"), spec.userId(), out);
    checkOptionalLine(FieldPath.SPEC.child("userName"), spec.userName(), out);
    checkOptionalLine(FieldPath.SPEC.child("groupId"), spec.groupId(), out);
    out.add(FieldPath.SPEC.child("groupName"), Checks.requiredLine(spec.groupName(),
        Checks.MAX_NAME_LENGTH, "name the group whose quota the deployment uses"));
    checkLength(FieldPath.SPEC.child("description"), spec.description(),
        limits.maxDescriptionLength(), out);
    checkLength(FieldPath.SPEC.child("updateMessage"), spec.updateMessage(),
        limits.maxUpdateMessageLength(), out);
  }

  private static void checkOptionalLine(FieldPath path, @Nullable String value, Violations out) {
    out.add(path, Optional.ofNullable(value)
        .flatMap(v -> Checks.line(v, Checks.MAX_NAME_LENGTH)));
  }

  private static void checkLength(
      FieldPath path, @Nullable String value, int maxLength, Violations out) {
    out.add(path, Optional.ofNullable(value).flatMap(v -> Checks.tooLong(v, maxLength)));
  }
}
