package io.primehub.phdeploy.k8s.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code deploy/crd.yaml} is the CRD the build generates from the Java model, byte for byte. */
class CrdManifestTest {

  @Test
  void theManifestIsTheGeneratedCrd() throws IOException {
    String generated;
    try (InputStream yaml = PhDeploymentCrd.class.getResourceAsStream(PhDeploymentCrd.RESOURCE)) {
      assertThat(yaml).as("the generated CRD on the classpath").isNotNull();
      generated = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
    }
    String manifest = Files.readString(Manifests.file("crd.yaml"));

    assertThat(manifest)
        .as("deploy/crd.yaml differs from the CRD this build generated from the model; refresh"
            + " it with 'cp phdeploy-k8s/target/classes%s deploy/crd.yaml'",
            PhDeploymentCrd.RESOURCE)
        .isEqualTo(generated);
  }
}
