package io.primehub.phdeploy.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.history.HistoryPolicy;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks of a churn's outcome, from what the API server stores: every remaining deployment
 * owns exactly one Deployment, Service and Ingress, nothing is left of the deleted ones, and
 * each history holds exactly the specs the deployment was given, newest first.
 */
final class ChurnOutcome {

  private final KubernetesClient client;
  private final PhDeployments deployments;
  private final String seed;

  ChurnOutcome(KubernetesClient client, PhDeployments deployments, String seed) {
    this.client = client;
    this.deployments = deployments;
    this.seed = seed;
  }

  /** Checks the outcome against what the churn gave; the seed goes into every failure. */
  void check(Map<String, Churn.Given> given) {
    Map<String, PhDeployment> remaining = deployments.list().stream()
        .collect(Collectors.toMap(PhDeployment::name, Function.identity()));
    List<String> live = given.entrySet().stream()
        .filter(entry -> !entry.getValue().deleted())
        .map(Map.Entry::getKey).sorted().toList();
    assertThat(remaining.keySet()).as("deployments left (seed %s)", seed)
        .containsExactlyInAnyOrderElementsOf(live);
    String namespace = deployments.namespace();
    checkOwned("Deployment", client.apps().deployments().inNamespace(namespace).list().getItems(),
        remaining);
    checkOwned("Service", client.services().inNamespace(namespace).list().getItems(), remaining);
    checkOwned("Ingress",
        client.network().v1().ingresses().inNamespace(namespace).list().getItems(), remaining);
    for (String name : live) {
      List<PhDeploymentSpec> recorded = remaining.get(name).getStatus().history().stream()
          .map(HistoryRecord::spec).toList();
      assertThat(recorded).as("history of %s, newest first (seed %s)", name, seed)
          .containsExactlyElementsOf(newestFirst(given.get(name).specs()));
    }
  }

  /** One object of the kind per remaining deployment, named for it and owned by it; no other. */
  private void checkOwned(
      String kind, List<? extends HasMetadata> objects, Map<String, PhDeployment> remaining) {
    List<String> expected = remaining.keySet().stream().map(OwnedNames::of).sorted().toList();
    assertThat(objects.stream().map(o -> o.getMetadata().getName()).sorted().toList())
        .as("%s objects: one per remaining deployment, none left of deleted ones (seed %s)",
            kind, seed)
        .containsExactlyElementsOf(expected);
    for (HasMetadata object : objects) {
      String owner = object.getMetadata().getName().substring(OwnedNames.PREFIX.length());
      assertThat(object.getMetadata().getOwnerReferences())
          .as("owners of %s %s (seed %s)", kind, object.getMetadata().getName(), seed)
          .extracting(OwnerReference::getUid)
          .containsExactly(remaining.get(owner).getMetadata().getUid());
    }
  }

  private static List<PhDeploymentSpec> newestFirst(List<PhDeploymentSpec> specs) {
    List<PhDeploymentSpec> reversed = new ArrayList<>(specs);
    Collections.reverse(reversed);
    return reversed.subList(0, Math.min(reversed.size(), HistoryPolicy.DEFAULT_MAX_RECORDS));
  }
}
