package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;

class ServiceTest {

  @Test
  void exposesTheEnginesRestAndGrpcPortsInsideTheCluster() {
    Service service = desired().service();

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector())
        .containsOnly(entry("app", "primehub-group"), entry("primehub.io/phdeployment", NAME));
    assertThat(service.getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getTargetPort)
        .containsExactly(
            tuple("http", 8000, new IntOrString(8000)),
            tuple("grpc", 5001, new IntOrString(5001)));
  }
}
