package io.primehub.phdeploy.testkit.junit;

import io.primehub.phdeploy.k8s.client.PhDeployments;
import java.time.Duration;

/** A one-replica deployment that the fixture catalog admits, for tests of the extension. */
final class SampleDeployment {

  static final String IMAGE = "registry.example/sample:1.0";
  static final Duration WAIT = Duration.ofSeconds(60);

  /** A member of the fixture's group phusers. */
  private static final String MEMBER = "4d203a08-896a-4aa8-86e2-882f4d4aadec";

  private SampleDeployment() {}

  /** Creates the deployment and answers its generated name. */
  static String create(PhDeployments deployments) {
    return deployments.create(spec -> spec
            .displayName("sample").group("phusers").user("phadmin").userId(MEMBER)
            .predictor(p -> p.modelImage(IMAGE).instanceType("cpu-only").replicas(1)))
        .name();
  }
}
