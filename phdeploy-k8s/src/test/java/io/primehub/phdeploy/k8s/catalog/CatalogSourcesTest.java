package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSourcesTest {

  private static final String SECRET = "env-secret-91c2";

  @TempDir Path directory;

  @Test
  void aCatalogPathGivesAWatchedFileSource() throws Exception {
    Path file = Files.writeString(directory.resolve("catalog.yaml"), FixtureCatalog.yaml());

    try (CloseableCatalogSource source =
        CatalogSources.fromEnvironment(Map.of("PHDEPLOY_CATALOG", file.toString()))) {
      assertThat(source).isInstanceOf(FileCatalogSource.class);
      assertThat(source.catalog()).isEqualTo(FixtureCatalog.expected());
    }
  }

  @Test
  void aGraphQlUrlAndSecretGiveAGraphQlSource() {
    try (CloseableCatalogSource source = CatalogSources.fromEnvironment(Map.of(
        "PHDEPLOY_GRAPHQL_URL", "http://primehub-graphql.hub/api/graphql",
        "PHDEPLOY_GRAPHQL_SECRET", SECRET,
        "PHDEPLOY_CATALOG", " "))) {
      assertThat(source).isInstanceOf(GraphQlCatalogSource.class)
          .hasToString("GraphQlCatalogSource[http://primehub-graphql.hub/api/graphql, ttl PT30S]");
    }
  }

  @Test
  void badSettingsNameTheVariableAndNeverTheSecret() {
    assertThatThrownBy(() -> CatalogSources.fromEnvironment(Map.of()))
        .hasMessageContaining("Set PHDEPLOY_CATALOG");
    assertThatThrownBy(() -> CatalogSources.fromEnvironment(Map.of(
        "PHDEPLOY_CATALOG", "/etc/phdeploy/catalog.yaml",
        "PHDEPLOY_GRAPHQL_URL", "http://primehub/api/graphql")))
        .hasMessageStartingWith("Set either PHDEPLOY_CATALOG or PHDEPLOY_GRAPHQL_URL, not both");
    assertThatThrownBy(() -> CatalogSources.fromEnvironment(Map.of(
        "PHDEPLOY_GRAPHQL_URL", "http://primehub/api/graphql")))
        .hasMessage("PHDEPLOY_GRAPHQL_SECRET must be set when PHDEPLOY_GRAPHQL_URL is.");
    assertThatThrownBy(() -> CatalogSources.fromEnvironment(Map.of(
        "PHDEPLOY_GRAPHQL_URL", "primehub graphql", "PHDEPLOY_GRAPHQL_SECRET", SECRET)))
        .hasMessageStartingWith("PHDEPLOY_GRAPHQL_URL=primehub graphql is not a URL")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> CatalogSources.fromEnvironment(Map.of(
        "PHDEPLOY_GRAPHQL_URL", "primehub/api/graphql", "PHDEPLOY_GRAPHQL_SECRET", SECRET)))
        .hasMessage("PHDEPLOY_GRAPHQL_URL: the GraphQL URL must be http or https, got"
            + " primehub/api/graphql");
    Path missing = directory.resolve("absent").resolve("catalog.yaml");
    assertThatThrownBy(() -> CatalogSources.fromEnvironment(Map.of(
        "PHDEPLOY_CATALOG", missing.toString())))
        .hasMessageStartingWith("PHDEPLOY_CATALOG=" + missing + " is unusable: cannot watch");
  }
}
