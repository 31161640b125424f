package io.primehub.phdeploy.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentIdsTest {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "spam classifier|spam-classifier",
      "Spam Classifier v2|spam-classifier-v2",
      "  __weird--name__  |weird-name",
      "Détection d'intrusion|detection-d-intrusion",
      "模型|deployment",
      "!!!|deployment",
      "a.b_c/d|a-b-c-d"})
  void theStemIsTheDisplayNameNormalisedToALabel(String displayName, String stem) {
    assertThat(DeploymentIds.stem(displayName)).isEqualTo(stem);
  }

  @Test
  void anIdIsTheStemADashAndFiveRandomLowercaseLettersOrDigits() {
    String id = DeploymentIds.generate("spam classifier", new Random(7));

    assertThat(id).matches("spam-classifier-[a-z0-9]{5}");
    assertThat(DeploymentIds.generate("spam classifier", new Random(7)))
        .as("the suffix comes from the random source").isEqualTo(id);
  }

  @Test
  void aLongDisplayNameIsCutSoThatTheOwnedNamesStayWithinALabel() {
    String id = DeploymentIds.generate("a very long display name ".repeat(10));

    assertThat(id.length()).isLessThanOrEqualTo(OwnedNames.MAX_DEPLOYMENT_NAME_LENGTH);
    assertThat(OwnedNames.of(id).length()).isLessThanOrEqualTo(OwnedNames.MAX_LABEL_LENGTH);
    assertThat(id).matches(DNS_LABEL).doesNotContain("--");
  }

  @Test
  void idsOfTheSameDisplayNameDiffer() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(DeploymentIds.generate("spam classifier"));
    }
    assertThat(ids).hasSizeGreaterThan(990).allMatch(id -> DNS_LABEL.matcher(id).matches());
  }
}
