package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.primehub.phdeploy.core.catalog.Catalog;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlCatalogTest {

  @Test
  void readsEveryFieldOfTheFixture() {
    assertThat(YamlCatalog.parse(FixtureCatalog.yaml())).isEqualTo(FixtureCatalog.expected());
  }

  @Test
  void writesWhatItReads() {
    String written = YamlCatalog.format(FixtureCatalog.expected());

    assertThat(YamlCatalog.parse(written)).isEqualTo(FixtureCatalog.expected());
    assertThat(written).doesNotStartWith("---").contains("name: phusers");
  }

  @Test
  void readsAnExplicitlyEmptyCatalog() {
    assertThat(YamlCatalog.parse("groups: []\ninstanceTypes: []\n")).isEqualTo(Catalog.empty());
  }

  static Stream<Arguments> malformedDocuments() {
    return Stream.of(
        arguments("no document at all", "# nothing but a comment", "the catalog is empty"),
        arguments("broken syntax", "groups:\n  - name: a\n    quota: {cpu: 1\n",
            "line 3, column 19, field groups[0].quota: while parsing a flow mapping, expected"),
        arguments("wrong type", "groups:\n  - name: a\n    modelDeployment: maybe\n",
            "line 3, column 22, field groups[0].modelDeployment: Cannot deserialize value of"
                + " type `boolean` from String \"maybe\""),
        arguments("misspelt field", "groups:\n  - name: a\n    modelDeploymnet: true\n",
            "field groups[0].modelDeploymnet: unknown field 'modelDeploymnet'; the fields here"
                + " are id, members, modelDeployment, name, quota"),
        arguments("missing name", "groups:\n  - id: x\n",
            "field groups[0]: Cannot build Group, some of required attributes are not set [name]"),
        arguments("repeated key", "groups: []\ngroups: []\n",
            "line 2, column 7: Duplicate field 'groups'"),
        arguments("a list at the top", "- name: a\n",
            "the catalog must be a mapping with the keys groups and instanceTypes, not a list"),
        arguments("null in a list", "groups: [null]",
            "line 1, column 15: an empty value where one is required (groups element)"),
        arguments("two documents", "groups: []\n---\ngroups: []\n", "Trailing token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedDocuments")
  void namesWhereAMalformedDocumentGoesWrong(String caseName, String yaml, String expected) {
    assertThatThrownBy(() -> YamlCatalog.parse(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void reportsEveryBrokenRuleOfAValidDocumentAtOnce() {
    String yaml = """
        groups:
          - name: a
            quota: {cpu: lots, memory: -1Gi}
          - name: a
          - name: " "
        instanceTypes:
          - name: small
            limits: {cpu: "1", memory: 1Gi}
            requests: {cpu: "2", memory: 1Gi}
          - name: small
            tolerations: [{key: nvidia.com/gpu, operatr: Exists}]
          - name: ""
        """;

    assertThatThrownBy(() -> YamlCatalog.parse(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the catalog is invalid: ")
        .hasMessageContaining("groups[0].quota.cpu: 'lots' is not a Kubernetes quantity")
        .hasMessageContaining("groups[0].quota.memory: '-1Gi' is negative")
        .hasMessageContaining("groups[1].name 'a' is already the name of groups[0]")
        .hasMessageContaining("groups[2].name is blank")
        .hasMessageContaining("instanceTypes[0].requests.cpu 2 is more than limits.cpu 1")
        .hasMessageContaining("instanceTypes[1].name 'small' is already the name of"
            + " instanceTypes[0]")
        .hasMessageContaining("instanceTypes[1].tolerations[0] has the unknown field 'operatr'")
        .hasMessageContaining("instanceTypes[2].name is blank");
  }

  @Test
  void acceptsARequestWithoutALimitAndEqualRequestsAndLimits() {
    String yaml = """
        instanceTypes:
          - name: burst
            limits: {memory: 1Gi}
            requests: {cpu: 250m, memory: 1024Mi}
        """;

    assertThat(YamlCatalog.parse(yaml).instanceType("burst")).isPresent();
  }
}
