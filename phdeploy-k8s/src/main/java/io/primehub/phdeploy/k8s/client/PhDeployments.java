package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.history.Rollback;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.auth.ClientTokens;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The client of {@code PhDeployment}s in one namespace: what a JVM service or a training
 * pipeline uses to deploy models, the PrimeHub way, with a fabric8 {@link KubernetesClient} it
 * already has (a plain configuration will do).
 *
 * <pre>{@code
 * PhDeployments deployments = PhDeployments.using(kubernetesClient).inNamespace("hub");
 * PhDeployment d = deployments.create(spec -> spec
 *     .displayName("spam classifier").group("phusers").user("phadmin")
 *     .predictor(p -> p.modelImage("registry.example/spam:1.0.3").instanceType("cpu-only")
 *         .replicas(2)));
 * PhDeploymentStatus s = deployments.awaitPhase(d.name(), Phase.DEPLOYED, Duration.ofMinutes(5),
 *     progress -> log.info("{}", progress));
 * deployments.edit(d.name(), spec -> spec.modelImage("registry.example/spam:1.0.4"),
 *     "retrained on May data");
 * deployments.rollback(d.name(), 1);
 * }</pre>
 *
 * <p>Specs are validated on the client before anything is sent: an invalid one throws
 * {@link InvalidSpecException} with every violation, and the server sees nothing. Updates are
 * optimistic: the client reads the deployment, applies the change and writes it back with the
 * version it read; when someone else wrote in between, it reads and applies the change again, a
 * few times. Every other failure is a {@link PhDeploymentException}.
 *
 * <p>Instances are immutable and thread-safe; {@link #inNamespace} and the {@code with} methods
 * return copies.
 */
public final class PhDeployments {

  /** The namespace of a client whose configuration names none, as kubectl does. */
  public static final String DEFAULT_NAMESPACE = "default";

  private final Scope scope;
  private final SpecValidator validator;
  private final ConflictRetry conflictRetry;
  private final SpecWriter writer;
  private final PhaseWaiter waiter;
  private final PhaseWatcher watcher;
  private final EndpointClients endpointClients;

  private PhDeployments(Scope scope, SpecValidator validator, ConflictRetry conflictRetry) {
    this.scope = scope;
    this.validator = validator;
    this.conflictRetry = conflictRetry;
    this.writer = new SpecWriter(scope, validator, conflictRetry);
    this.waiter = new PhaseWaiter(scope);
    this.watcher = new PhaseWatcher(scope);
    this.endpointClients = new EndpointClients(scope, writer);
  }

  /**
   * A client of the deployments in the namespace of {@code client}'s configuration, or in
   * {@value #DEFAULT_NAMESPACE} if it names none. It validates with
   * {@link SpecValidator#withDefaults()} and tries a conflicting update up to five times.
   */
  public static PhDeployments using(KubernetesClient client) {
    Objects.requireNonNull(client, "client");
    String namespace = Objects.requireNonNullElse(client.getNamespace(), DEFAULT_NAMESPACE);
    return new PhDeployments(
        new Scope(client, namespace), SpecValidator.withDefaults(), ConflictRetry.DEFAULT);
  }

  /** A copy that works in {@code namespace}. */
  public PhDeployments inNamespace(String namespace) {
    return new PhDeployments(new Scope(scope.client(), namespace), validator, conflictRetry);
  }

  /** A copy that validates specs with {@code validator}, for example with other limits. */
  public PhDeployments withValidator(SpecValidator validator) {
    return new PhDeployments(scope, Objects.requireNonNull(validator, "validator"), conflictRetry);
  }

  /**
   * A copy that attempts a conflicting update up to {@code maxAttempts} times in all, waiting
   * about {@code initialBackoff} before the first retry and twice as long before each next one,
   * with random jitter of half that.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or the backoff not positive
   */
  public PhDeployments withConflictRetry(int maxAttempts, Duration initialBackoff) {
    return new PhDeployments(scope, validator, new ConflictRetry(maxAttempts, initialBackoff));
  }

  /** The namespace this client works in. */
  public String namespace() {
    return scope.namespace();
  }

  /**
   * Creates a deployment named after its display name, as PrimeHub does: the display name made
   * a DNS label, then five random characters, for example {@code spam-classifier-x7k2p}.
   *
   * @return the deployment as created, with its generated {@link PhDeployment#name()}
   * @throws InvalidSpecException with every violation, before anything is sent
   * @throws PhDeploymentAlreadyExistsException in the unlikely case that the name is taken
   */
  public PhDeployment create(PhDeploymentSpec spec) {
    return writer.create(null, spec);
  }

  /**
   * Creates the deployment {@code name}.
   *
   * @return the deployment as created
   * @throws InvalidSpecException with every violation, before anything is sent
   * @throws PhDeploymentAlreadyExistsException if a deployment of that name exists
   */
  public PhDeployment create(String name, PhDeploymentSpec spec) {
    return writer.create(Objects.requireNonNull(name, "name"), spec);
  }

  /**
   * Creates a deployment from a spec written in {@code spec}, named as
   * {@link #create(PhDeploymentSpec)} names it. The predictor is named
   * {@value SpecDraft#DEFAULT_PREDICTOR_NAME} and has one replica unless the draft says
   * otherwise.
   *
   * @return the deployment as created
   * @throws InvalidSpecException with every violation, before anything is sent
   */
  public PhDeployment create(Consumer<SpecDraft> spec) {
    SpecDraft draft = SpecDraft.empty();
    spec.accept(draft);
    return create(draft.build());
  }

  /** The deployment {@code name}, if it exists. */
  public Optional<PhDeployment> get(String name) {
    return scope.get(name);
  }

  /**
   * The deployment {@code name}.
   *
   * @throws PhDeploymentNotFoundException if it does not exist
   */
  public PhDeployment require(String name) {
    return scope.require(name);
  }

  /** Every deployment of the namespace. */
  public List<PhDeployment> list() {
    return scope.deployments().list().getItems();
  }

  /**
   * The deployments of a group, by {@code spec.groupName}. The filter runs on the client over
   * one list of the namespace, since the group is in the spec, where no selector reaches.
   */
  public List<PhDeployment> listByGroup(String groupName) {
    return listWhere(spec -> groupName.equals(spec.groupName()));
  }

  /**
   * The deployments of a user, by {@code spec.userName} or {@code spec.userId}. The filter runs
   * on the client over one list of the namespace, since the user is in the spec, where no
   * selector reaches.
   */
  public List<PhDeployment> listByUser(String userNameOrId) {
    return listWhere(spec ->
        userNameOrId.equals(spec.userName()) || userNameOrId.equals(spec.userId()));
  }

  /**
   * Deletes the deployment {@code name}; the controller's owned resources go with it.
   *
   * @return whether it existed
   */
  public boolean delete(String name) {
    return !scope.deployment(name).delete().isEmpty();
  }

  /**
   * Changes the spec of the deployment {@code name}. The change is applied to the spec as the
   * server holds it now and written back with the version read; if the deployment changed in
   * between, it is read again and the change applied again, up to the
   * {@linkplain #withConflictRetry configured} number of attempts. A change that leaves the spec
   * as it is writes nothing.
   *
   * @param change the new spec from the current one; it may run more than once, so it should
   *     not have effects beyond its result
   * @param updateMessage why the spec changes, written to {@code spec.updateMessage} and kept in
   *     the history; null for none
   * @return the deployment as written
   * @throws InvalidSpecException if the changed spec is invalid; nothing is written
   * @throws PhDeploymentNotFoundException if the deployment does not exist
   * @throws PhDeploymentConflictException if every attempt met a concurrent change
   */
  public PhDeployment update(
      String name, UnaryOperator<PhDeploymentSpec> change, @Nullable String updateMessage) {
    return writer.update(name,
        deployment -> new SpecChange(change.apply(deployment.getSpec()), updateMessage));
  }

  /**
   * Changes the spec of the deployment {@code name} through a draft of it, as {@link #update}
   * does:
   *
   * <pre>{@code
   * deployments.edit(name, spec -> spec.modelImage("registry.example/spam:1.0.4").replicas(3),
   *     "retrained on May data");
   * }</pre>
   *
   * @param edit writes the changes on a draft of the current spec; it may run more than once
   * @param updateMessage why the spec changes; null for none
   * @return the deployment as written
   */
  public PhDeployment edit(String name, Consumer<SpecDraft> edit, @Nullable String updateMessage) {
    return update(name, spec -> {
      SpecDraft draft = new SpecDraft(spec);
      edit.accept(draft);
      return draft.build();
    }, updateMessage);
  }

  /** Sets the number of replicas, as {@link #update} does. */
  public PhDeployment scale(String name, int replicas, @Nullable String updateMessage) {
    return edit(name, spec -> spec.replicas(replicas), updateMessage);
  }

  /** Deploys another model image, as {@link #update} does. */
  public PhDeployment changeImage(String name, String modelImage, @Nullable String updateMessage) {
    return edit(name, spec -> spec.modelImage(modelImage), updateMessage);
  }

  /** Stops the deployment: scales it to zero, keeping its spec; the message is "stopped". */
  public PhDeployment stop(String name) {
    return edit(name, spec -> spec.stop(true), "stopped");
  }

  /** Starts a stopped deployment again; the message is "started". */
  public PhDeployment start(String name) {
    return edit(name, spec -> spec.stop(false), "started");
  }

  /** The specs applied to the deployment, newest first, as the controller recorded them. */
  public List<HistoryRecord> history(String name) {
    return Scope.statusOf(require(name)).history();
  }

  /**
   * Applies a recorded spec again, as a new change: revision 0 is the spec applied now, 1 the
   * one before it, and so on. The update message names the revision and when it was applied.
   *
   * @return the deployment as written
   * @throws IllegalArgumentException if the history has no such revision; says which it has
   */
  public PhDeployment rollback(String name, int revision) {
    return writer.update(name, deployment -> {
      List<HistoryRecord> history = Scope.statusOf(deployment).history();
      PhDeploymentSpec recorded = Rollback.specAt(history, revision);
      return new SpecChange(recorded, "rolled back to revision " + revision
          + ", applied " + history.get(revision).time());
    });
  }

  /**
   * Reports each change of the deployment's phase to {@code listener} until closed, starting
   * with the phase it has now. The deployment need not exist yet. The listener is called from
   * fabric8's informer thread, one change at a time; an exception it throws is logged and the
   * watch goes on.
   */
  public Subscription watchPhases(String name, Consumer<PhaseChange> listener) {
    return watcher.watch(name, listener);
  }

  /**
   * Waits until the deployment reaches {@code target} for its current spec, and returns that
   * status. A status counts only when its {@code observedGeneration} has caught up with the
   * deployment's {@code metadata.generation}, so a {@code Deployed} left over from before an
   * update does not end the wait. The wait watches the deployment; it does not poll.
   *
   * @param progress called once at the start and then on every change of phase, message or
   *     replicas, from fabric8's informer thread; an exception it throws ends the wait
   * @throws PhDeploymentFailedException if the deployment fails first (unless {@code target} is
   *     {@link Phase#FAILED}), with the controller's reason and message
   * @throws PhDeploymentTimeoutException if {@code timeout} passes first; says what was seen last
   * @throws PhDeploymentNotFoundException if the deployment does not exist or is deleted
   */
  public PhDeploymentStatus awaitPhase(
      String name, Phase target, Duration timeout, Consumer<DeploymentProgress> progress) {
    return waiter.await(name, target, timeout, progress);
  }

  /**
   * Waits until the deployment reaches {@code target} for its current spec, as
   * {@link #awaitPhase(String, Phase, Duration, Consumer)} does, without reporting progress.
   */
  public PhDeploymentStatus awaitPhase(String name, Phase target, Duration timeout) {
    return awaitPhase(name, target, timeout, progress -> { });
  }

  /**
   * The logs of the deployment's replicas, to narrow with {@link ReplicaLogs#tail} and
   * {@link ReplicaLogs#since} and then {@link ReplicaLogs#fetch() fetch} or
   * {@link ReplicaLogs#follow follow}.
   */
  public ReplicaLogs logs(String name) {
    return new ReplicaLogs(scope, name);
  }

  /**
   * The prediction URL, {@code <base>/deployment/<name>/api/v1.0/predictions}, once the
   * controller has routed the deployment.
   *
   * @throws PhDeploymentNotFoundException if the deployment does not exist
   */
  public Optional<URI> endpoint(String name) {
    return Optional.ofNullable(Scope.statusOf(require(name)).endpoint()).map(URI::create);
  }

  /**
   * Makes the endpoint private: only its {@linkplain #clients clients} may call it, with their
   * tokens in HTTP basic authentication. The message is "made the endpoint private".
   */
  public PhDeployment makePrivate(String name) {
    return endpointClients.setAccessType(name, AccessType.PRIVATE);
  }

  /**
   * Makes the endpoint public. Its clients are kept, so that making it private again admits
   * them again. The message is "made the endpoint public".
   */
  public PhDeployment makePublic(String name) {
    return endpointClients.setAccessType(name, AccessType.PUBLIC);
  }

  /**
   * Adds a client to the endpoint with a new random token. Only the token's hash is stored; the
   * returned credentials hold the plaintext, which cannot be recovered later, so hand it to the
   * client now. The client can call the endpoint once it is private.
   *
   * @throws IllegalArgumentException if the endpoint has a client of that name already
   * @throws InvalidSpecException if the client name is not valid
   * @see ClientTokens#matches
   */
  public ClientCredentials addClient(String name, String clientName) {
    return endpointClients.add(name, clientName);
  }

  /**
   * Removes a client from the endpoint.
   *
   * @return whether it had that client
   */
  public boolean removeClient(String name, String clientName) {
    return endpointClients.remove(name, clientName);
  }

  /** The names of the endpoint's clients, in the order they were added. */
  public List<String> clients(String name) {
    return endpointClients.names(name);
  }

  private List<PhDeployment> listWhere(Predicate<PhDeploymentSpec> test) {
    return list().stream()
        .filter(deployment -> deployment.getSpec() != null && test.test(deployment.getSpec()))
        .toList();
  }
}
