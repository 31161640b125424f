package io.primehub.phdeploy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuotaPlanTest {

  private static final InstanceType CPU_ONLY = InstanceType.builder()
      .name("cpu-only")
      .limits(ResourceQuantities.of("1", "2Gi", null))
      .global(true)
      .build();
  private static final int SURGE = 1;

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("create", 2, null, false, Optional.of(pods(2))),
        Arguments.of("create stopped", 0, null, false, Optional.empty()),
        Arguments.of("unchanged", 2, 2, false, Optional.empty()),
        Arguments.of("scale down", 1, 2, false, Optional.empty()),
        Arguments.of("stop", 0, 2, true, Optional.empty()),
        Arguments.of("scale up", 3, 2, false, Optional.of(pods(3))),
        Arguments.of("new image rolls out with surge", 2, 2, true, Optional.of(pods(3))),
        Arguments.of("new image and scale up", 3, 2, true, Optional.of(pods(4))),
        Arguments.of("start from zero with a new template", 2, 0, true, Optional.of(pods(2))),
        Arguments.of("start from zero", 2, 0, false, Optional.of(pods(2))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void onlyChangesThatStartPodsAreChecked(
      String change, int desired, Integer current, boolean templateChanges,
      Optional<Resources> expected) {
    assertThat(QuotaPlan.required(CPU_ONLY, desired, current, templateChanges, SURGE))
        .isEqualTo(expected);
  }

  private static Resources pods(int count) {
    return new Resources(1000, 2L * 1024 * 1024 * 1024, 0).times(count);
  }
}
