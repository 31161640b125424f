package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import org.junit.jupiter.api.Test;

class PrimeHubCatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsNumbersInPrimeHubsUnitsAndStringsAsQuantities() throws Exception {
    Catalog catalog = read("""
        {"groups": [{"id": "g", "name": "g", "enabledDeployment": true,
          "projectQuotaCpu": 2.5, "projectQuotaMemory": 1.5, "projectQuotaGpu": null,
          "instanceTypes": [{"name": "t", "global": true, "spec": {
            "limits.cpu": 0.5, "limits.memory": "512Mi", "limits.gpu": 2,
            "requests.cpu": "250m", "requests.memory": 0.25}}]}]}
        """);

    assertThat(catalog.group("g").orElseThrow().quota())
        .isEqualTo(ResourceQuantities.of("2.5", "1.5G", null));
    InstanceType type = catalog.instanceType("t").orElseThrow();
    assertThat(type.limits()).isEqualTo(ResourceQuantities.of("0.5", "512Mi", "2"));
    assertThat(type.requests()).isEqualTo(ResourceQuantities.of("250m", "0.25G", null));
  }

  @Test
  void aGroupWithoutQuotaSpecOrUsersIsUnlimitedAndKnowsNoMembers() throws Exception {
    Catalog catalog = read("""
        {"groups": [{"id": "g", "name": "g", "enabledDeployment": null, "users": null,
          "instanceTypes": [{"name": "t", "global": false, "spec": {}}]}]}
        """);

    assertThat(catalog.group("g").orElseThrow().quota().isEmpty()).isTrue();
    assertThat(catalog.group("g").orElseThrow().modelDeploymentEnabled()).isFalse();
    assertThat(catalog.group("g").orElseThrow().members()).as("unknown").isNull();
    InstanceType type = catalog.instanceType("t").orElseThrow();
    assertThat(type.limits().isEmpty()).isTrue();
    assertThat(type.requests()).isNull();
    assertThat(type.nodeSelector()).isEmpty();
    assertThat(type.tolerations()).isEmpty();
  }

  @Test
  void mergesTheInstanceTypesOfAllGroups() throws Exception {
    Catalog catalog = read("""
        {"groups": [
          {"id": "1", "name": "a", "instanceTypes": [
            {"name": "shared", "global": false, "spec": {}},
            {"name": "everyone", "global": true, "spec": {}}]},
          {"id": "2", "name": "b", "instanceTypes": [
            {"name": "only-b", "global": false, "spec": {}},
            {"name": "shared", "global": false, "spec": {}},
            {"name": "everyone", "global": true, "spec": {}}]},
          {"id": "3", "name": "c", "instanceTypes": []}]}
        """);

    assertThat(catalog.instanceTypes()).extracting(InstanceType::name)
        .containsExactly("shared", "everyone", "only-b");
    assertThat(catalog.instanceType("shared").orElseThrow().groups()).containsExactly("a", "b");
    assertThat(catalog.instanceType("only-b").orElseThrow().groups()).containsExactly("b");
    assertThat(catalog.instanceTypesAllowedFor("c")).extracting(InstanceType::name)
        .containsExactly("everyone");
  }

  @Test
  void namesTheFieldThatIsMalformed() {
    assertThatThrownBy(() -> read("""
        {"groups": [{"id": "g", "name": "g", "instanceTypes": [
          {"name": "t", "spec": {"limits.cpu": true}}]}]}
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groups[0].instanceTypes[0].spec.limits.cpu is true; expected a number,"
            + " a quantity or null");
    assertThatThrownBy(() -> read("{\"groups\": [{\"id\": \"g\", \"users\": []}]}"))
        .hasMessage("groups[0].name is not a string");
    assertThatThrownBy(() -> read("""
        {"groups": [{"id": "g", "name": "g", "instanceTypes": [
          {"name": "t", "spec": "limits.cpu=1"}]}]}
        """))
        .hasMessage("groups[0].instanceTypes[0].spec is not a JSON object");
    assertThatThrownBy(() -> read("""
        {"groups": [{"id": "g", "name": "g", "instanceTypes": [
          {"name": "t", "spec": {"nodeSelector": ["gpu"]}}]}]}
        """))
        .hasMessageStartingWith("groups[0].instanceTypes[0].spec.nodeSelector is malformed: ");
  }

  private static Catalog read(String data) throws Exception {
    return PrimeHubCatalog.fromData(JSON.readTree(data));
  }
}
