package io.primehub.phdeploy.k8s.catalog;

import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The fixture {@code fixtures/catalog.yaml}: its text, and what it says, written out by hand. */
final class FixtureCatalog {

  static final String PHUSERS_MEMBER = "4d203a08-896a-4aa8-86e2-882f4d4aadec";

  private FixtureCatalog() {}

  /** The fixture's text. */
  static String yaml() {
    try (InputStream in = FixtureCatalog.class.getResourceAsStream("/fixtures/catalog.yaml")) {
      if (in == null) {
        throw new IllegalStateException("fixtures/catalog.yaml is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every field of the fixture, built independently of any parser. */
  static Catalog expected() {
    return Catalog.builder()
        .addGroups(Group.builder()
            .id("ca6b032e-b8be-44d2-9646-092622d6ba15")
            .name("phusers")
            .modelDeploymentEnabled(true)
            .quota(ResourceQuantities.of("8", "16Gi", "0"))
            .addMembers(PHUSERS_MEMBER)
            .build())
        .addGroups(Group.builder()
            .id("0d5b4a3c-1111-4c3e-9a70-5b1f1d0e9a01")
            .name("sandbox")
            .modelDeploymentEnabled(false)
            .build())
        .addInstanceTypes(InstanceType.builder()
            .name("cpu-only")
            .limits(ResourceQuantities.of("1", "2Gi", null))
            .requests(ResourceQuantities.of("500m", "1Gi", null))
            .global(true)
            .build())
        .addInstanceTypes(InstanceType.builder()
            .name("gpu-1")
            .limits(ResourceQuantities.of("4", "16Gi", "1"))
            .nodeSelector(Map.of("accelerator", "nvidia"))
            .addTolerations(new TolerationBuilder()
                .withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule")
                .build())
            .addGroups("phusers")
            .build())
        .build();
  }

  /** A small valid catalog that differs from the fixture, for changes. */
  static String otherYaml() {
    return """
        groups:
          - id: g-1
            name: research
            modelDeployment: true
        instanceTypes:
          - name: small
            limits: {cpu: "1", memory: 1Gi}
            global: true
        """;
  }
}
