package io.primehub.phdeploy.k8s.controller;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.CatalogResolver;
import io.primehub.phdeploy.core.catalog.CatalogSource;
import io.primehub.phdeploy.core.catalog.CatalogVerdict;
import io.primehub.phdeploy.core.history.HistoryPolicy;
import io.primehub.phdeploy.core.history.HistoryRing;
import io.primehub.phdeploy.core.history.SpecFingerprint;
import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.naming.EndpointPaths;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.phase.Evaluation;
import io.primehub.phdeploy.core.phase.Observation;
import io.primehub.phdeploy.core.phase.PhaseEvaluator;
import io.primehub.phdeploy.core.quota.QuotaCheck;
import io.primehub.phdeploy.core.quota.QuotaPlan;
import io.primehub.phdeploy.core.status.DeployingSince;
import io.primehub.phdeploy.core.status.ProgressWrites;
import io.primehub.phdeploy.core.status.ReadyCondition;
import io.primehub.phdeploy.core.status.StatusComposer;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.core.validation.Violation;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.controller.processing.DeploymentView;
import io.primehub.phdeploy.k8s.controller.processing.EventRecorder;
import io.primehub.phdeploy.k8s.controller.processing.GroupUsage;
import io.primehub.phdeploy.k8s.controller.processing.InformerCaches;
import io.primehub.phdeploy.k8s.controller.processing.OwnedResourceSync;
import io.primehub.phdeploy.k8s.controller.processing.StatusPatch;
import io.primehub.phdeploy.k8s.controller.processing.StatusWriter;
import io.primehub.phdeploy.k8s.controller.processing.WorkloadObservations;
import io.primehub.phdeploy.k8s.desired.DesiredHash;
import io.primehub.phdeploy.k8s.desired.DesiredState;
import io.primehub.phdeploy.k8s.desired.DesiredStateFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What phdeploy does for one deployment: read its spec (an unreadable one fails as an invalid
 * spec), validate it, resolve its group and instance type in the catalog, check the group's
 * quota before starting pods, bring the owned objects to their desired state, let core's
 * {@link PhaseEvaluator} decide the phase, and write the status (with a history record when the
 * spec changed) only when it changed. A configuration failure releases what runs; an
 * unreachable catalog touches nothing that runs and is retried.
 */
public final class DefaultReconciler implements Reconciler {

  private final InformerCaches caches;
  private final OwnedResourceSync ownedSync;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final CatalogSource catalog;
  private final DesiredStateFactory desiredState;
  private final ControllerConfig config;
  private final SpecValidator validator;
  private final HistoryPolicy historyPolicy;
  private final Clock clock;
  private final ControllerMetrics metrics;
  /** When this controller last wrote each deployment's status, to pace progress writes. */
  private final Map<String, Instant> lastWrites = new ConcurrentHashMap<>();

  DefaultReconciler(
      InformerCaches caches,
      OwnedResourceSync ownedSync,
      StatusWriter statusWriter,
      EventRecorder events,
      CatalogSource catalog,
      DesiredStateFactory desiredState,
      ControllerConfig config,
      SpecValidator validator,
      HistoryPolicy historyPolicy,
      Clock clock,
      ControllerMetrics metrics) {
    this.caches = caches;
    this.ownedSync = ownedSync;
    this.statusWriter = statusWriter;
    this.events = events;
    this.catalog = catalog;
    this.desiredState = desiredState;
    this.config = config;
    this.validator = validator;
    this.historyPolicy = historyPolicy;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public ReconcileResult reconcile(ReconcileContext context) {
    DeploymentView view = caches.deployment(context.key());
    if (view == null || view.metadata().getDeletionTimestamp() != null) {
      // Owner references hand what it owned to the garbage collector.
      lastWrites.remove(context.key());
      return ReconcileResult.done();
    }
    Instant now = clock.instant();
    ObservedResources observed = context.observed();
    PhDeploymentSpec spec = view.spec();
    Failure configurationFailure = configurationFailure(view);
    CatalogVerdict verdict = configurationFailure == null
        ? CatalogResolver.resolve(catalog, spec)
        : null;
    if (verdict instanceof CatalogVerdict.Rejected rejected) {
      configurationFailure = rejected.failure();
    }
    String outage = verdict instanceof CatalogVerdict.Unavailable unavailable
        ? unavailable.message()
        : null;
    if (verdict != null) {
      metrics.catalogRead(outage == null);
    }

    Failure quotaFailure = null;
    String currentTemplate = null;
    Deployment workload = observed.deployment();
    boolean routed = observed.ingress() != null;
    boolean conflicted = false;
    if (configurationFailure != null) {
      ownedSync.deleteAll(observed);
      workload = null;
      routed = false;
    } else if (verdict instanceof CatalogVerdict.Resolved resolved) {
      DesiredState desired = desiredState.build(
          view.toResource(), resolved.group(), resolved.instanceType());
      currentTemplate = DesiredHash.templateOf(desired.deployment());
      quotaFailure = quotaFailure(view, resolved, desired, observed.deployment());
      OwnedResourceSync.Outcome outcome = ownedSync.apply(desired, observed, quotaFailure == null);
      workload = outcome.deployment();
      routed = outcome.ingressExists();
      conflicted = outcome.conflicted();
    }

    HistoryRecord newRecord = spec != null
        && !SpecFingerprint.of(spec).equals(view.history().newestFingerprint())
        ? HistoryRecord.of(now, spec)
        : null;
    Evaluation evaluation = PhaseEvaluator.evaluate(observation(
        view, spec, observed, workload, currentTemplate, configurationFailure, outage,
        quotaFailure, lastSpecChange(view, newRecord, now), now));
    PhDeploymentStatus next = StatusComposer.compose(
        view.status(), evaluation,
        routed ? EndpointPaths.predictionUrl(config.baseUrl(), view.metadata().getName()) : null,
        view.generation(), now);
    Optional<Instant> deferred = newRecord != null ? Optional.empty()
        : ProgressWrites.deferUntil(view.status(), next, lastWrites.get(view.key()), now,
            config.progressInterval());
    if (deferred.isEmpty()) {
      writeStatus(view, next, newRecord, now);
    }


    if (outage != null) {
      return ReconcileResult.retry("the catalog is unavailable: " + outage);
    }
    if (conflicted) {
      return ReconcileResult.retry("an owned object changed meanwhile");
    }
    return Stream.concat(deferred.stream(), Stream.ofNullable(evaluation.recheckAt()))
        .min(Instant::compareTo)
        .map(ReconcileResult::recheckAt)
        .orElse(ReconcileResult.done());
  }

  private void writeStatus(
      DeploymentView view, PhDeploymentStatus next, @Nullable HistoryRecord newRecord,
      Instant now) {
    int retained = newRecord == null ? view.history().count()
        : HistoryRing.retainedCount(HistoryRing.byteSize(newRecord),
            view.history().recordBytes(), historyPolicy);
    StatusPatch patch = StatusPatch.between(
        view.storedStatus(), view.history(), next, newRecord, retained);
    boolean written = statusWriter.write(view,
        newRecord == null ? patch : patch.onlyAt(view.metadata().getResourceVersion()));
    if (written) {
      lastWrites.put(view.key(), now);
      if (phaseChanged(view.status(), next)) {
        events.phaseChanged(view, next.phase(), next.reason(), next.message());
      }
    }
  }

  private @Nullable Failure configurationFailure(DeploymentView view) {
    if (view.specProblem() != null) {
      return view.specProblem().failure();
    }
    List<Violation> violations = validator.validate(view.metadata().getName(), view.spec());
    return violations.isEmpty()
        ? null
        : new InvalidSpecException(view.metadata().getName(), violations).failure();
  }

  private @Nullable Failure quotaFailure(
      DeploymentView view,
      CatalogVerdict.Resolved resolved,
      DesiredState desired,
      @Nullable Deployment current) {
    if (!QuotaCheck.limitsAnything(resolved.group().quota())) {
      // Nothing to check against; reading the group's pods would cost a reconcile the whole group.
      return null;
    }
    boolean templateChanges = current != null && !Objects.equals(
        DesiredHash.templateOf(current), DesiredHash.templateOf(desired.deployment()));
    String namespace = view.metadata().getNamespace();
    String groupLabel = PodLabels.escapeGroup(resolved.group().name());
    return QuotaPlan.required(
            resolved.instanceType(),
            desired.deployment().getSpec().getReplicas(),
            current == null ? null : current.getSpec().getReplicas(),
            templateChanges,
            config.maxSurge())
        .flatMap(required -> QuotaCheck.check(
                resolved.group().quota(),
                GroupUsage.usedByOthers(
                    caches.groupPods(namespace, groupLabel), view.metadata().getName()),
                required)
            .toFailure(resolved.group().name()))
        .orElse(null);
  }

  private Observation observation(
      DeploymentView view,
      @Nullable PhDeploymentSpec spec,
      ObservedResources observed,
      @Nullable Deployment workload,
      @Nullable String currentTemplate,
      @Nullable Failure configurationFailure,
      @Nullable String outage,
      @Nullable Failure quotaFailure,
      Instant lastSpecChange,
      Instant now) {
    Optional<Predictor> predictor = spec == null || spec.predictors().isEmpty()
        ? Optional.empty()
        : Optional.of(spec.predictor());
    PhDeploymentStatus previous = view.status();
    return Observation.builder()
        .stopRequested(spec != null && spec.stop())
        .desiredReplicas(predictor.map(Predictor::replicas).orElse(0))
        .modelImage(predictor.map(Predictor::modelImage).orElse(""))
        .instanceType(predictor.map(Predictor::instanceType).orElse(""))
        .configurationFailure(configurationFailure)
        .catalogOutage(outage)
        .previousPhase(previous == null ? null : previous.phase())
        .previousReason(previous == null ? null : previous.reason())
        .previousMessage(previous == null ? null : previous.message())
        .quotaFailure(quotaFailure)
        .workload(workload == null ? null : WorkloadObservations.workload(workload))
        .podProblems(WorkloadObservations.problems(observed.pods(), currentTemplate))
        .podsPresent(observed.pods().size())
        .deployingSince(DeployingSince.of(lastSpecChange, ReadyCondition.find(previous)))
        .now(now)
        .deployTimeout(config.deployTimeout())
        .build();
  }

  private static Instant lastSpecChange(
      DeploymentView view, @Nullable HistoryRecord newRecord, Instant now) {
    if (newRecord != null) {
      return now;
    }
    Instant newest = view.history().newestTime();
    if (newest != null) {
      return newest;
    }
    // Without a readable record the object's age is the best bound; now would never time out.
    String created = view.metadata().getCreationTimestamp();
    return created != null ? Instant.parse(created) : now;
  }

  private static boolean phaseChanged(@Nullable PhDeploymentStatus before, PhDeploymentStatus after) {
    return before == null || before.phase() != after.phase() || before.reason() != after.reason();
  }
}
