package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.ImmutableEndpoint;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.auth.ClientTokens;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The access type and the clients of a deployment's endpoint. Tokens are generated here and only
 * their hashes are written; the plaintext goes back to the caller once and is never logged.
 */
final class EndpointClients {

  private final Scope scope;
  private final SpecWriter writer;

  EndpointClients(Scope scope, SpecWriter writer) {
    this.scope = scope;
    this.writer = writer;
  }

  PhDeployment setAccessType(String name, AccessType accessType) {
    return writer.update(name, deployment -> new SpecChange(
        withEndpoint(deployment.getSpec(), endpoint -> endpoint.withAccessType(accessType)),
        "made the endpoint " + accessType));
  }

  ClientCredentials add(String name, String clientName) {
    // Hashed once, outside the retried change, so that every attempt stores the same hash.
    ClientCredentials credentials = ClientTokens.newClient(clientName);
    EndpointClient stored = credentials.toEndpointClient();
    writer.update(name, deployment -> {
      PhDeploymentSpec spec = deployment.getSpec();
      if (clientNames(spec).contains(clientName)) {
        throw new IllegalArgumentException("PhDeployment " + scope.key(name)
            + " already has an endpoint client named '" + clientName
            + "'; remove it first to replace its token, or choose another name");
      }
      return new SpecChange(withEndpoint(spec, endpoint -> endpoint.withClients(
          append(endpoint.clients(), stored))), "added endpoint client " + clientName);
    });
    return credentials;
  }

  boolean remove(String name, String clientName) {
    AtomicBoolean removed = new AtomicBoolean();
    writer.update(name, deployment -> {
      PhDeploymentSpec spec = deployment.getSpec();
      removed.set(clientNames(spec).contains(clientName));
      return new SpecChange(withEndpoint(spec, endpoint -> endpoint.withClients(
          endpoint.clients().stream().filter(c -> !c.name().equals(clientName)).toList())),
          "removed endpoint client " + clientName);
    });
    return removed.get();
  }

  List<String> names(String name) {
    return clientNames(scope.require(name).getSpec());
  }

  private static List<String> clientNames(PhDeploymentSpec spec) {
    return endpointOf(spec).clients().stream().map(EndpointClient::name).toList();
  }

  /**
   * The spec with its endpoint changed. An unchanged endpoint leaves the spec exactly as it was,
   * so that making a public endpoint public again writes nothing, even where it is implicit.
   */
  private static PhDeploymentSpec withEndpoint(
      PhDeploymentSpec spec, UnaryOperator<ImmutableEndpoint> change) {
    Endpoint current = endpointOf(spec);
    Endpoint changed = change.apply(ImmutableEndpoint.copyOf(current));
    return changed.equals(current)
        ? spec
        : ImmutablePhDeploymentSpec.copyOf(spec).withEndpoint(changed);
  }

  private static Endpoint endpointOf(PhDeploymentSpec spec) {
    return Objects.requireNonNullElse(spec.endpoint(), Endpoint.publicEndpoint());
  }

  private static List<EndpointClient> append(List<EndpointClient> clients, EndpointClient added) {
    List<EndpointClient> appended = new ArrayList<>(clients);
    appended.add(added);
    return appended;
  }
}
