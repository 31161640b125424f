package io.primehub.phdeploy.k8s.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class PhDeploymentCrdTest {

  private static final String MODEL_PACKAGE = "io.primehub.phdeploy";

  KubernetesClient client;

  @Test
  void theCrdDeclaresExactlyTheFieldsOfTheModel() {
    JSONSchemaProps schema = version(PhDeploymentCrd.load()).getSchema().getOpenAPIV3Schema();

    Set<String> modelFields = new TreeSet<>();
    collectModelFields(type(PhDeploymentSpec.class), "spec", modelFields);
    collectModelFields(type(PhDeploymentStatus.class), "status", modelFields);
    Set<String> schemaFields = new TreeSet<>();
    collectSchemaFields(schema.getProperties().get("spec"), "spec", schemaFields);
    collectSchemaFields(schema.getProperties().get("status"), "status", schemaFields);

    assertThat(schemaFields).isEqualTo(modelFields);
    assertThat(modelFields)
        .contains(
            "spec.predictors[].modelURI",
            "spec.endpoint.clients[].token",
            "spec.env[]",
            "status.history[].spec.predictors[].instanceType",
            "status.observedGeneration",
            "status.conditions[]");
  }

  @Test
  void theCrdStatesNamesSubresourceRequiredFieldsEnumsAndColumns() {
    CustomResourceDefinition crd = PhDeploymentCrd.load();
    CustomResourceDefinitionVersion version = version(crd);
    JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    JSONSchemaProps status =
        version.getSchema().getOpenAPIV3Schema().getProperties().get("status");

    assertThat(crd.getMetadata().getName()).isEqualTo("phdeployments.primehub.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("PhDeployment");
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(spec.getRequired()).containsExactlyInAnyOrder("displayName", "groupName", "predictors");
    JSONSchemaProps predictor = spec.getProperties().get("predictors").getItems().getSchema();
    assertThat(predictor.getRequired()).containsExactlyInAnyOrder("name", "modelImage", "instanceType");
    assertThat(predictor.getProperties().get("replicas").getMinimum()).isEqualTo(0.0);
    assertThat(status.getProperties().get("phase").getEnum())
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("Deploying", "Deployed", "Stopping", "Stopped", "Failed");
    assertThat(spec.getProperties().get("endpoint").getProperties().get("accessType").getEnum())
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("public", "private");
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName() + "=" + c.getJsonPath())
        .contains(
            "Phase=.status.phase",
            "Replicas=.status.replicas",
            "Available=.status.availableReplicas");
  }

  @Test
  void theFixtureIsCreatedAndReadBackThroughTheCrdUnchanged() throws IOException {
    assertThat(PhDeploymentCrd.installIfAbsent(client)).isTrue();
    assertThat(PhDeploymentCrd.installIfAbsent(client)).isFalse();
    JsonNode fixture = readFixture();

    PhDeployment created;
    try (InputStream yaml = fixtureStream()) {
      created = client.resources(PhDeployment.class).load(yaml).create();
    }
    PhDeployment read =
        client.resources(PhDeployment.class).inNamespace("hub").withName("spam-classifier-abcxy").get();

    assertThat(read.getSpec()).isEqualTo(created.getSpec());
    assertThat(read.getSpec().predictor().metadata()).containsEntry("ACCURACY", "0.98");
    JsonNode readSpec = client.getKubernetesSerialization().convertValue(read, JsonNode.class).get("spec");
    assertThat(readSpec).isEqualTo(fixture.get("spec"));
    JsonNode raw =
        client.genericKubernetesResources(PhDeploymentCrd.context())
            .inNamespace("hub")
            .withName("spam-classifier-abcxy")
            .get()
            .getAdditionalProperties()
            .entrySet()
            .stream()
            .filter(e -> e.getKey().equals("spec"))
            .map(e -> WireJson.mapper().valueToTree(e.getValue()))
            .map(JsonNode.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(raw).isEqualTo(fixture.get("spec"));
  }

  private static CustomResourceDefinitionVersion version(CustomResourceDefinition crd) {
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    return crd.getSpec().getVersions().get(0);
  }

  private static JavaType type(Class<?> type) {
    return WireJson.mapper().constructType(type);
  }

  /** Walks the model as Jackson writes it: the Immutables implementation named by {@code as}. */
  private static void collectModelFields(JavaType type, String path, Set<String> out) {
    ObjectMapper mapper = WireJson.mapper();
    if (type.isCollectionLikeType()) {
      out.add(path + "[]");
      collectModelFields(type.getContentType(), path + "[]", out);
      return;
    }
    if (type.isMapLikeType() || !type.getRawClass().getName().startsWith(MODEL_PACKAGE)
        || type.isEnumType()) {
      return;
    }
    JsonSerialize as = type.getRawClass().getAnnotation(JsonSerialize.class);
    JavaType implementation = as == null ? type : mapper.constructType(as.as());
    for (BeanPropertyDefinition property :
        mapper.getSerializationConfig().introspect(implementation).findProperties()) {
      if (!property.couldSerialize()) {
        continue;
      }
      String child = path + "." + property.getName();
      out.add(child);
      collectModelFields(property.getPrimaryType(), child, out);
    }
  }

  private static void collectSchemaFields(JSONSchemaProps schema, String path, Set<String> out) {
    if ("array".equals(schema.getType())) {
      out.add(path + "[]");
      JSONSchemaProps items = schema.getItems().getSchema();
      if (!path.endsWith("env") && !path.endsWith("conditions")) {
        collectSchemaFields(items, path + "[]", out);
      }
      return;
    }
    if (schema.getAdditionalProperties() != null || schema.getProperties() == null) {
      return;
    }
    for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
      String child = path + "." + property.getKey();
      out.add(child);
      collectSchemaFields(property.getValue(), child, out);
    }
  }

  private static JsonNode readFixture() throws IOException {
    try (InputStream yaml = fixtureStream()) {
      return new YAMLMapper().readTree(yaml);
    }
  }

  private static InputStream fixtureStream() {
    return PhDeploymentCrdTest.class.getResourceAsStream("/fixtures/spam-classifier.yaml");
  }
}
