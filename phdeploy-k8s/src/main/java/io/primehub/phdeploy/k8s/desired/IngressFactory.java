package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.naming.EndpointPaths;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ingress that routes {@code /deployment/<name>/<path>} to {@code /<path>} of the engine,
 * behind nginx basic authentication when the endpoint is private. It carries only annotations
 * phdeploy chooses or the configuration allows, and never a snippet annotation, which would let
 * whoever writes it inject nginx configuration (CVE-2021-25742).
 */
final class IngressFactory {

  /** The realm a private endpoint's browser prompt shows: fixed text, never user input. */
  static final String AUTH_REALM = "Authentication Required - PrimeHub model deployment";

  private final ControllerConfig config;

  IngressFactory(ControllerConfig config) {
    this.config = config;
  }

  /** The Ingress of a deployment. */
  Ingress build(PhDeployment deployment) {
    String host = config.ingressHost();
    return new IngressBuilder()
        .withMetadata(OwnedMetadata.of(deployment))
        .editMetadata()
        .withAnnotations(annotations(deployment))
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(config.ingressClassName())
        .withTls(tls(host))
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath(EndpointPaths.ingressPathPattern(deployment.name()))
        .withPathType("ImplementationSpecific")
        .withNewBackend()
        .withNewService()
        .withName(OwnedNames.of(deployment.name()))
        .withNewPort()
        .withNumber(SeldonPorts.ENGINE_HTTP)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  /** The configured annotations, overridden where they collide by those phdeploy needs. */
  private Map<String, String> annotations(PhDeployment deployment) {
    Map<String, String> annotations = new LinkedHashMap<>(config.ingressAnnotations());
    annotations.put(IngressAnnotations.REWRITE_TARGET, "/$1");
    annotations.put(IngressAnnotations.USE_REGEX, "true");
    if (deployment.getSpec().accessType() == AccessType.PRIVATE) {
      annotations.put(IngressAnnotations.AUTH_TYPE, "basic");
      annotations.put(IngressAnnotations.AUTH_SECRET, OwnedNames.of(deployment.name()));
      annotations.put(IngressAnnotations.AUTH_SECRET_TYPE, "auth-file");
      annotations.put(IngressAnnotations.AUTH_REALM, AUTH_REALM);
    }
    return annotations;
  }

  private List<IngressTLS> tls(String host) {
    String secret = config.ingressTlsSecret();
    if (host == null || secret == null) {
      return List.of();
    }
    return List.of(new IngressTLSBuilder().withHosts(host).withSecretName(secret).build());
  }
}
