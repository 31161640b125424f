package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fingerprints themselves, not only their properties. Every owned object in a cluster
 * carries the fingerprint its controller computed; were the same object to fingerprint
 * differently after an upgrade, the new controller would rewrite every object it owns and roll
 * every deployment's pods. These values were computed by the first released way of
 * fingerprinting and must never change for the same objects.
 */
class DesiredHashValuesTest {

  private static final ControllerConfig ALL =
      ControllerConfig.builder().podMonitorEnabled(true).build();

  @Test
  void theSeedsObjectsKeepTheirFingerprints() {
    assertThat(fingerprints(desired(ALL, Fixtures.spamClassifier(), "cpu-only"))).isEqualTo(Map.of(
        "Deployment", "fb5d2baa0b7a7e5dd7d1e63806b1032c9fdae596e15ca04c33aa7776e6db9230",
        "PodTemplate", "6d90278d62639b07aa45bba85da2a307169eae230599bca180a76e89cb9a96d7",
        "Service", "7f4c9c68f9013c309f9be98e978156c3da41d295fdc8465d50c3c4d9b90332e2",
        "Ingress", "29bad82f1becd00b353df1408093afd504bc3bfeb3e5e709cd849c6e0d8f165f",
        "PodMonitor", "1f7c825e7b30ab9306db20f06ea6cedfe7f2f7dc21f90f6a3af9d7dbc6f7e576"));
  }

  @Test
  void objectsWithEscapedUnicodeAndAGpuKeepTheirFingerprints() {
    String text = "<b>&</b> \u2028 模型 ünïcødé \u202Egnp.exe \uD83D\uDE08 \"quoted\"\n\\";
    DesiredState desired = desired(ALL, withSpec(spec -> spec
        .withDescription(text)
        .withEnv(new EnvVar("GREETING", text, null), new EnvVar("EMPTY", "", null))
        .withEndpoint(Endpoint.builder().accessType(AccessType.PRIVATE)
            .addClients(EndpointClient.of("scorer", "$6$salt$hash")).build())), "gpu-1");

    assertThat(fingerprints(desired)).isEqualTo(Map.of(
        "Deployment", "ee73069d4279d1147ebaa9f226d7a65ca072d5e308a8f0277e7a968d80804310",
        "PodTemplate", "dd0313f9ead6ee44069fd8c544386399b5f4b693fdd9d4f318b9ea7aebb7d0dc",
        "Service", "7f4c9c68f9013c309f9be98e978156c3da41d295fdc8465d50c3c4d9b90332e2",
        "Ingress", "1fe3c3d02e2c0e6c525b5886c5e341cc2a2399555413951c1a3842019a94a91d",
        "Secret", "9162c2efab7e6e2c71bd258e8c47e01908d943b2cce0940efaf2c70fa809ea7f",
        "PodMonitor", "1f7c825e7b30ab9306db20f06ea6cedfe7f2f7dc21f90f6a3af9d7dbc6f7e576"));
  }

  /** Each object's fingerprint by kind, and the pod template's. */
  private static Map<String, String> fingerprints(DesiredState desired) {
    Map<String, String> fingerprints = new LinkedHashMap<>();
    desired.resources().forEach(resource -> fingerprints.put(resource.getKind(),
        DesiredHash.carried(resource, DesiredHash.ANNOTATION)));
    fingerprints.put("PodTemplate", DesiredHash.templateOf(desired.deployment()));
    return fingerprints;
  }
}
