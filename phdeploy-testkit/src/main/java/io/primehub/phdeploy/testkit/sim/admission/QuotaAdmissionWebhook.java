package io.primehub.phdeploy.testkit.sim.admission;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.core.catalog.CatalogSource;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.quota.QuotaCheck;
import io.primehub.phdeploy.core.quota.QuotaVerdict;
import io.primehub.phdeploy.core.quota.ResourceKind;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.core.quota.Shortfall;
import io.primehub.phdeploy.testkit.server.AdmissionWebhook;
import io.primehub.phdeploy.testkit.server.ApiRequest;
import io.primehub.phdeploy.testkit.server.ObjectStore;
import io.primehub.phdeploy.testkit.server.Verb;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PrimeHub's resource validation webhook. A new pod labelled {@value PodLabels#GROUP} is denied
 * when the limits of its containers, added to those of the group's pods that still run, exceed
 * the group's quota in the catalog. Pods of no group, of a group the catalog does not know, and
 * pods created while the catalog cannot be read are allowed.
 */
public final class QuotaAdmissionWebhook implements AdmissionWebhook {

  /** The webhook's name, as PrimeHub registers it. */
  public static final String NAME = "resources-validation-webhook.primehub.io";

  private static final Logger LOG = LoggerFactory.getLogger(QuotaAdmissionWebhook.class);

  private final CatalogSource catalog;
  private final ObjectStore store;

  /** A webhook reading quotas from this catalog and the group's pods from this store. */
  public QuotaAdmissionWebhook(CatalogSource catalog, ObjectStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> review(ApiRequest request, String body) {
    if (request.verb() != Verb.CREATE || !request.resourcePath().equals("pods")
        || !request.group().isEmpty()) {
      return Optional.empty();
    }
    Pod pod = Serialization.unmarshal(body, Pod.class);
    String label = pod.getMetadata().getLabels().get(PodLabels.GROUP);
    if (label == null) {
      return Optional.empty();
    }
    return group(label).flatMap(group -> review(pod, group, label));
  }

  private Optional<String> review(Pod pod, Group group, String label) {
    // The group's pods are read with a list that costs as much as everything stored; a quota that
    // limits nothing cannot be exceeded, so they are not read for it.
    if (!QuotaCheck.limitsAnything(group.quota())) {
      return Optional.empty();
    }
    Resources requested = PodAmounts.limits(pod);
    Resources used = usedBy(label);
    QuotaVerdict verdict = QuotaCheck.check(group.quota(), used, requested);
    if (verdict.fits()) {
      return Optional.empty();
    }
    Shortfall shortfall = verdict.shortfalls().get(0);
    ResourceKind kind = ResourceKind.named(shortfall.resource());
    String reason = "Group " + group.name() + " exceeded " + shortfall.resource() + " quota: "
        + kind.format(shortfall.limit()) + ", requesting "
        + kind.format(shortfall.used() + shortfall.requested());
    LOG.debug("denying pod {}: {}", pod.getMetadata().getName(), reason);
    return Optional.of(reason);
  }

  private Optional<Group> group(String label) {
    try {
      return catalog.catalog().groups().stream()
          .filter(group -> PodLabels.escapeGroup(group.name()).equals(label))
          .findFirst();
    } catch (CatalogUnavailableException e) {
      LOG.debug("allowing a pod of group {}: the catalog cannot be read", label, e);
      return Optional.empty();
    }
  }

  private Resources usedBy(String label) {
    String selector = URLEncoder.encode(PodLabels.GROUP + "=" + label, StandardCharsets.UTF_8);
    return store.get("/api/v1/pods?labelSelector=" + selector)
        .map(json -> Serialization.unmarshal(json, PodList.class).getItems())
        .orElseGet(List::of)
        .stream()
        .filter(pod -> !PodAmounts.terminated(pod))
        .map(PodAmounts::limits)
        .reduce(Resources.ZERO, Resources::plus);
  }
}
