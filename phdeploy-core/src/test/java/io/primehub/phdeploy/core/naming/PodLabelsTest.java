package io.primehub.phdeploy.core.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PodLabelsTest {

  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  @Test
  void podsCarryTheAppTheDeploymentAndTheEscapedGroup() {
    assertThat(PodLabels.of("spam-classifier-abcxy", "phusers")).containsOnly(
        entry("app", "primehub-group"),
        entry("primehub.io/phdeployment", "spam-classifier-abcxy"),
        entry("primehub.io/group", "phusers"));
    assertThat(PodLabels.selector("spam-classifier-abcxy")).containsOnly(
        entry("app", "primehub-group"),
        entry("primehub.io/phdeployment", "spam-classifier-abcxy"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"phusers", "data-science", "Team_A.ml", "a"})
  void aGroupNameThatIsAValidLabelValueIsKept(String group) {
    assertThat(PodLabels.escapeGroup(group)).isEqualTo(group);
  }

  static Stream<String> namesThatAreNoLabelValue() {
    return Stream.of("Data Science & ML", "-leading", "trailing-", "ümlaut", "模型组", "a/b",
        "x".repeat(70), "-" + "y".repeat(80) + "-");
  }

  @ParameterizedTest
  @MethodSource("namesThatAreNoLabelValue")
  void anyOtherGroupNameBecomesAValidLabelValueWithAHashOfTheName(String group) {
    String escaped = PodLabels.escapeGroup(group);

    assertThat(escaped).matches(LABEL_VALUE).hasSizeLessThanOrEqualTo(63);
    assertThat(escaped).matches(".*[0-9a-f]{8}");
    assertThat(PodLabels.escapeGroup(group)).as("deterministic").isEqualTo(escaped);
  }

  @Test
  void namesThatSanitiseAlikeStillGetDifferentValues() {
    List<String> alike = List.of("data science", "data/science", "data  science");

    assertThat(alike.stream().map(PodLabels::escapeGroup).distinct()).hasSize(3);
    assertThat(PodLabels.escapeGroup("data science")).startsWith("data-science-");
  }
}
