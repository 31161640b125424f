package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class ConfigMapCatalogSourceTest {

  private static final String NAMESPACE = "hub";
  private static final String NAME = "phdeploy-catalog";

  KubernetesClient client;

  @Test
  void followsTheConfigMapThroughCreationChangeAndDeletion() throws Exception {
    try (ConfigMapCatalogSource source = CatalogSources.fromConfigMap(client, NAMESPACE, NAME)) {
      ListenerProbe probe = new ListenerProbe();
      source.subscribe(probe);
      assertThatThrownBy(source::catalog)
          .isInstanceOf(CatalogUnavailableException.class)
          .hasMessage("ConfigMap hub/phdeploy-catalog key 'catalog.yaml': the ConfigMap does not"
              + " exist");

      apply(Map.of("catalog.yaml", FixtureCatalog.yaml()));
      probe.awaitNext();
      assertThat(source.catalog()).isEqualTo(FixtureCatalog.expected());

      apply(Map.of("catalog.yaml", FixtureCatalog.otherYaml()));
      probe.awaitNext();
      assertThat(source.catalog().group("research")).isPresent();

      client.configMaps().inNamespace(NAMESPACE).withName(NAME).delete();
      probe.awaitNext();
      assertThatThrownBy(source::catalog).hasMessageContaining("the ConfigMap does not exist");
      assertThat(probe.count()).isEqualTo(3);
    }
  }

  @Test
  void readsAnExistingConfigMapBeforeAnswering() throws Exception {
    apply(Map.of("catalog.yaml", FixtureCatalog.yaml()));

    try (ConfigMapCatalogSource source = CatalogSources.fromConfigMap(client, NAMESPACE, NAME)) {
      assertThat(source.catalog()).isEqualTo(FixtureCatalog.expected());
      assertThat(source).hasToString(
          "ConfigMapCatalogSource[ConfigMap hub/phdeploy-catalog key 'catalog.yaml']");
    }
  }

  @Test
  void aMissingKeyOrAMalformedCatalogIsAnOutageNamingTheKey() throws Exception {
    apply(Map.of("other.yaml", "groups: []"));
    try (ConfigMapCatalogSource source =
        CatalogSources.fromConfigMap(client, NAMESPACE, NAME, "groups.yaml")) {
      ListenerProbe probe = new ListenerProbe();
      source.subscribe(probe);
      assertThatThrownBy(source::catalog)
          .hasMessage("ConfigMap hub/phdeploy-catalog key 'groups.yaml': the ConfigMap has no key"
              + " 'groups.yaml' in its data; its keys are [other.yaml]");

      apply(Map.of("groups.yaml", FixtureCatalog.yaml()));
      probe.awaitNext();
      assertThat(source.catalog()).isEqualTo(FixtureCatalog.expected());

      apply(Map.of("groups.yaml", "groups:\n  - name: phusers\n    quota: {cpu: lots}\n"));
      probe.awaitNext();
      assertThatThrownBy(source::catalog)
          .hasMessage("ConfigMap hub/phdeploy-catalog key 'groups.yaml': the catalog is invalid:"
              + " groups[0].quota.cpu: 'lots' is not a Kubernetes quantity");
    }
  }

  @Test
  void anUnreachableApiServerIsAnOutageNamingTheConfigMap() {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:1")
        .withRequestTimeout(300)
        .withRequestRetryBackoffLimit(0)
        .build();
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build();
        ConfigMapCatalogSource source =
            CatalogSources.fromConfigMap(unreachable, NAMESPACE, NAME)) {
      assertThatThrownBy(source::catalog)
          .isInstanceOf(CatalogUnavailableException.class)
          .hasMessageStartingWith("ConfigMap hub/phdeploy-catalog key 'catalog.yaml': ");
    }
  }

  private void apply(Map<String, String> data) {
    ConfigMap configMap = new ConfigMapBuilder()
        .withNewMetadata().withNamespace(NAMESPACE).withName(NAME).endMetadata()
        .withData(data)
        .build();
    client.configMaps().inNamespace(NAMESPACE).resource(configMap).createOr(c -> c.update());
  }
}
