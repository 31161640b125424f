package io.primehub.phdeploy.core.validation;

import org.immutables.value.Value;

/**
 * The caps a {@link SpecValidator} enforces. The defaults suit a shared cluster; an embedding
 * application may change any of them:
 *
 * <pre>{@code
 * ValidationLimits limits = ValidationLimits.builder().maxReplicas(50).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ValidationLimits {

  /** The most replicas a predictor may ask for: 20 unless set. */
  @Value.Default
  public int maxReplicas() {
    return 20;
  }

  /**
   * The most predictors a spec may list: 1 unless set, because phdeploy serves one predictor per
   * deployment and the list exists for wire compatibility.
   */
  @Value.Default
  public int maxPredictors() {
    return 1;
  }

  /** The largest spec by default, in bytes. */
  public static final int DEFAULT_MAX_SPEC_BYTES = 16384;

  /**
   * The largest spec, in bytes of its JSON as the API server stores it
   * ({@link io.primehub.phdeploy.core.model.WireJson#byteSize}): {@value #DEFAULT_MAX_SPEC_BYTES}
   * unless set. The status keeps 32 history records of the spec, and 33 specs of this size keep
   * an object well under the 1.5 MiB etcd stores.
   */
  @Value.Default
  public int maxSpecBytes() {
    return DEFAULT_MAX_SPEC_BYTES;
  }

  /** The longest {@code displayName}, in characters: 64 unless set. */
  @Value.Default
  public int maxDisplayNameLength() {
    return 64;
  }

  /** The longest {@code description}, in characters: 2048 unless set. */
  @Value.Default
  public int maxDescriptionLength() {
    return 2048;
  }

  /** The longest {@code updateMessage}, in characters: 1024 unless set. */
  @Value.Default
  public int maxUpdateMessageLength() {
    return 1024;
  }

  /** The most entries of a predictor's {@code metadata}: 32 unless set. */
  @Value.Default
  public int maxMetadataEntries() {
    return 32;
  }

  /** The longest value of a predictor's {@code metadata}, in characters: 512 unless set. */
  @Value.Default
  public int maxMetadataValueLength() {
    return 512;
  }

  /** The most variables of {@code env}: 64 unless set. */
  @Value.Default
  public int maxEnvVars() {
    return 64;
  }

  /** The most clients of a private endpoint: 32 unless set. */
  @Value.Default
  public int maxClients() {
    return 32;
  }

  /** The default limits. */
  public static ValidationLimits defaults() {
    return builder().build();
  }

  /** A builder that starts from the defaults. */
  public static ImmutableValidationLimits.Builder builder() {
    return ImmutableValidationLimits.builder();
  }

  /**
   * Refuses limits no spec could meet: a negative cap, or room for no predictor. Zero is a valid
   * cap elsewhere, for example no environment variables at all.
   */
  @Value.Check
  protected void check() {
    int[] caps = {maxReplicas(), maxSpecBytes(), maxDisplayNameLength(), maxDescriptionLength(),
        maxUpdateMessageLength(), maxMetadataEntries(), maxMetadataValueLength(), maxEnvVars(),
        maxClients()};
    for (int cap : caps) {
      if (cap < 0) {
        throw new IllegalStateException("validation limits cannot be negative: " + this);
      }
    }
    if (maxPredictors() < 1) {
      throw new IllegalStateException("maxPredictors must be at least 1: " + this);
    }
  }
}
