package io.primehub.phdeploy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.primehub.phdeploy.core.catalog.FixtureCatalog;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuotaCheckTest {

  private static final long GI = 1L << 30;
  /** The fixture's phusers quota: cpu 8, memory 16Gi, gpu 0. */
  private static final ResourceQuantities PHUSERS = FixtureCatalog.group("phusers").quota();
  private static final InstanceType CPU_ONLY = FixtureCatalog.instanceType("cpu-only");
  private static final InstanceType GPU_1 = FixtureCatalog.instanceType("gpu-1");

  @Test
  void fitsWhenEveryResourceHasRoom() {
    QuotaVerdict verdict =
        QuotaCheck.check(
            PHUSERS, new Resources(4000, 8 * GI, 0), DeploymentFootprint.required(CPU_ONLY, 2, 1));

    assertThat(verdict.fits()).isTrue();
    assertThat(verdict.shortfalls()).isEmpty();
    assertThat(verdict.toFailure("phusers")).isEmpty();
  }

  @Test
  void fitsExactlyAtTheLimit() {
    QuotaVerdict verdict =
        QuotaCheck.check(
            PHUSERS, new Resources(6000, 12 * GI, 0), DeploymentFootprint.required(CPU_ONLY, 2, 0));

    assertThat(verdict).isEqualTo(QuotaVerdict.FITS);
  }

  static Stream<Arguments> oneResourceShort() {
    Resources twoPods = DeploymentFootprint.required(CPU_ONLY, 2, 0);
    return Stream.of(
        arguments(new Resources(7000, 0, 0), twoPods, new Shortfall("cpu", 2000, 7000, 8000)),
        arguments(
            new Resources(0, 15 * GI, 0),
            twoPods,
            new Shortfall("memory", 4 * GI, 15 * GI, 16 * GI)),
        arguments(Resources.ZERO, new Resources(0, 0, 1), new Shortfall("gpu", 1, 0, 0)));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("oneResourceShort")
  void reportsEachResourceThatIsShort(Resources used, Resources requested, Shortfall expected) {
    QuotaVerdict verdict = QuotaCheck.check(PHUSERS, used, requested);

    assertThat(verdict.fits()).isFalse();
    assertThat(verdict.shortfalls()).containsExactly(expected);
  }

  @Test
  void reportsEveryShortResourceWithExactFigures() {
    QuotaVerdict verdict =
        QuotaCheck.check(
            PHUSERS, new Resources(6500, 2 * GI, 0), DeploymentFootprint.required(GPU_1, 1, 0));

    assertThat(verdict.shortfalls())
        .containsExactly(
            new Shortfall("cpu", 4000, 6500, 8000),
            new Shortfall("memory", 16 * GI, 2 * GI, 16 * GI),
            new Shortfall("gpu", 1, 0, 0));
    Failure failure = verdict.toFailure("phusers").orElseThrow();
    assertThat(failure.reason()).isEqualTo(FailureReason.GROUP_QUOTA_EXCEEDED);
    assertThat(failure.message())
        .isEqualTo(
            "The resource quota of group 'phusers' is not enough for this deployment ("
                + "cpu: requests 4, 6500m of 8 in use, short by 2500m; "
                + "memory: requests 16Gi, 2Gi of 16Gi in use, short by 2Gi; "
                + "gpu: requests 1, 0 of 0 in use, short by 1). "
                + "Ask for fewer replicas, pick a smaller instance type, stop another deployment"
                + " of the group, or ask an administrator to raise the group's quota.");
  }

  @Test
  void countsTheSurgePodsOfARollingUpdate() {
    Resources used = new Resources(5000, 8 * GI, 0);

    assertThat(QuotaCheck.check(PHUSERS, used, DeploymentFootprint.required(CPU_ONLY, 3, 0)).fits())
        .isTrue();
    assertThat(QuotaCheck.check(PHUSERS, used, DeploymentFootprint.required(CPU_ONLY, 3, 1))
            .shortfalls())
        .containsExactly(new Shortfall("cpu", 4000, 5000, 8000));
  }

  @Test
  void treatsAnAbsentQuotaValueAsUnlimited() {
    Resources huge = new Resources(1_000_000, 1024 * GI, 64);

    assertThat(QuotaCheck.check(ResourceQuantities.none(), huge, huge).fits()).isTrue();
    assertThat(
            QuotaCheck.check(ResourceQuantities.of(null, null, "1"), huge, huge).shortfalls())
        .extracting(Shortfall::resource)
        .containsExactly("gpu");
  }

  @Test
  void aQuotaWithoutAnyValueLimitsNothingAndOneValueLimitsSomething() {
    assertThat(QuotaCheck.limitsAnything(ResourceQuantities.none())).isFalse();
    assertThat(QuotaCheck.limitsAnything(ResourceQuantities.of(null, null, "0"))).isTrue();
    assertThat(QuotaCheck.limitsAnything(PHUSERS)).isTrue();
  }

  @Test
  void fitsAZeroRequestIntoAZeroQuota() {
    ResourceQuantities zero = ResourceQuantities.of("0", "0", "0");

    assertThat(QuotaCheck.check(zero, Resources.ZERO, Resources.ZERO).fits()).isTrue();
    assertThat(QuotaCheck.check(zero, Resources.ZERO, new Resources(1, 0, 0)).shortfalls())
        .containsExactly(new Shortfall("cpu", 1, 0, 0));
  }

  @Test
  void fitsAResourceTheRequestDoesNotAskForEvenWhenTheGroupIsOverItsQuota() {
    Resources overGpu = new Resources(0, 0, 2);

    assertThat(QuotaCheck.check(PHUSERS, overGpu, DeploymentFootprint.required(CPU_ONLY, 1, 0))
            .fits())
        .isTrue();
  }

  @Test
  void namesTheResourceOfAMalformedQuota() {
    ResourceQuantities broken = ResourceQuantities.of("8", "lots", null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> QuotaCheck.check(broken, Resources.ZERO, Resources.ZERO))
        .withMessage("quota.memory: 'lots' is not a Kubernetes quantity");
  }

  @Test
  void aVerdictCopiesItsShortfalls() {
    List<Shortfall> shortfalls = new ArrayList<>(List.of(new Shortfall("gpu", 1, 0, 0)));
    QuotaVerdict verdict = new QuotaVerdict(shortfalls);
    shortfalls.clear();

    assertThat(verdict.fits()).isFalse();
  }
}
