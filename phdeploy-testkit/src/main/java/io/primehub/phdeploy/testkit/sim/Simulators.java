package io.primehub.phdeploy.testkit.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.primehub.phdeploy.core.catalog.CatalogSource;
import io.primehub.phdeploy.testkit.server.ApiServer;
import io.primehub.phdeploy.testkit.sim.admission.QuotaAdmissionWebhook;
import io.primehub.phdeploy.testkit.sim.deployment.DeploymentController;
import io.primehub.phdeploy.testkit.sim.gc.GarbageCollector;
import io.primehub.phdeploy.testkit.sim.kubelet.ImageRegistry;
import io.primehub.phdeploy.testkit.sim.kubelet.Images;
import io.primehub.phdeploy.testkit.sim.kubelet.Kubelet;
import io.primehub.phdeploy.testkit.sim.kubelet.ModelStorage;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import io.primehub.phdeploy.testkit.sim.nodes.Nodes;
import io.primehub.phdeploy.testkit.sim.runtime.Deliveries;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import io.primehub.phdeploy.testkit.sim.runtime.PodCache;
import io.primehub.phdeploy.testkit.sim.runtime.Quiescence;
import io.primehub.phdeploy.testkit.sim.runtime.SimulatorLoop;
import io.primehub.phdeploy.testkit.sim.runtime.Wakeups;
import io.primehub.phdeploy.testkit.sim.scheduler.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every simulator, wired to the API server and to each other: they watch pods and Deployments
 * through informers of their own client, do their work one task at a time on one loop, and say
 * when they have nothing left to do.
 */
public final class Simulators implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);
  private static final String PODS = "pods";
  private static final String DEPLOYMENTS = "deployments";

  private final KubernetesClient client;
  private final Quiescence quiescence = new Quiescence();
  private final SimulatorLoop loop = new SimulatorLoop(quiescence);
  private final Deliveries deliveries = new Deliveries(Set.of(PODS, DEPLOYMENTS), quiescence);
  private final Wakeups wakeups;
  private final Nodes nodes;
  private final ImageRegistry registry;
  private final Images images;
  private final ModelStorage storage;
  private final SharedIndexInformer<Pod> podInformer;
  private final SharedIndexInformer<Deployment> deploymentInformer;
  private final PodCache pods;
  private final Scheduler scheduler;
  private final Kubelet kubelet;
  private final DeploymentController deploymentController;

  private Simulators(KubernetesClient client, ApiServer server, Clock clock, boolean realTime,
      CatalogSource catalog, Random random) {
    this.client = client;
    this.wakeups = new Wakeups(clock, loop, realTime);
    this.nodes = new Nodes(new NodeObjects());
    this.registry = new ImageRegistry(this::resyncPods);
    this.images = new Images(this::resyncPods);
    this.storage = new ModelStorage(this::resyncPods);
    this.podInformer = client.pods().inAnyNamespace().runnableInformer(0);
    this.deploymentInformer = client.apps().deployments().inAnyNamespace().runnableInformer(0);
    this.pods = PodCache.over(podInformer);
    this.scheduler = new Scheduler(client, clock, nodes);
    this.kubelet = new Kubelet(client, clock, nodes, registry, images, storage, server.logs());
    this.deploymentController = new DeploymentController(
        client, clock, deploymentInformer.getStore(), pods, loop, wakeups, random);
    server.register(deliveries);
    server.register(new GarbageCollector(client, loop));
    server.register(new QuotaAdmissionWebhook(catalog, server.store()));
  }

  /**
   * Starts the simulators and waits until their informers have listed what the server holds.
   *
   * @param client the simulators' own client, with their {@code User-Agent}
   * @param clock the cluster's clock
   * @param realTime whether the clock moves by itself; {@code false} for a manual clock, whose
   *     owner must call {@link #clockMoved()} after every move
   * @param catalog the groups whose quota the admission webhook enforces
   * @param nodes the nodes to start with
   * @param random where generated names come from
   */
  public static Simulators start(
      KubernetesClient client, ApiServer server, Clock clock, boolean realTime,
      CatalogSource catalog, List<NodeSpec> nodes, Random random) {
    Simulators simulators = new Simulators(client, server, clock, realTime, catalog, random);
    simulators.podInformer.addEventHandler(simulators.new PodEvents());
    simulators.deploymentInformer.addEventHandler(simulators.new DeploymentEvents());
    simulators.podInformer.run();
    simulators.deploymentInformer.run();
    nodes.forEach(simulators.nodes::add);
    return simulators;
  }

  /** The nodes. */
  public Nodes nodes() {
    return nodes;
  }

  /** The image registry. */
  public ImageRegistry registry() {
    return registry;
  }

  /** How images behave. */
  public Images images() {
    return images;
  }

  /** The model storage. */
  public ModelStorage storage() {
    return storage;
  }

  /** Brings the work that the clock's move made due; call it after every move of a manual clock. */
  public void clockMoved() {
    wakeups.clockMoved();
  }

  /**
   * Waits until the simulators are idle: every change the API server made to pods and Deployments
   * has reached their informers, and no work is waiting or running.
   *
   * @throws TimeoutException naming what is outstanding, if they are still busy after the timeout
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public void awaitIdle(Duration timeout) throws TimeoutException, InterruptedException {
    quiescence.await(() -> deliveries.settled() && loop.idle(), timeout,
        () -> "undelivered " + deliveries.undelivered() + ", queued " + loop.waiting());
  }

  /** Stops the informers and the loop. */
  @Override
  public void close() {
    podInformer.stop();
    deploymentInformer.stop();
    loop.close();
  }

  private void enqueuePod(Pod pod) {
    String key = Cache.metaNamespaceKeyFunc(pod);
    loop.submit("pod/" + key, () -> stepPod(key));
  }

  private void stepPod(String key) {
    String[] parts = key.split("/", 2);
    Pod pod = pods.get(parts[0], parts[1]);
    if (pod == null || PodAmounts.terminated(pod)) {
      return;
    }
    if (pod.getSpec().getNodeName() == null) {
      scheduler.schedule(pod);
    } else {
      kubelet.sync(pod).forEach(at -> wakeups.at(at, "pod/" + key, () -> stepPod(key)));
    }
  }

  /** Gives every pod another step, after a rule about images or storage changed. */
  private void resyncPods() {
    loop.submit("pods/all", () -> pods.all().forEach(this::enqueuePod));
  }

  private void resyncUnboundPods() {
    loop.submit("pods/unbound", () -> pods.unbound().forEach(this::enqueuePod));
  }

  /** Routes pod events to the scheduler, the kubelet and the deployment controller. */
  private final class PodEvents extends Acknowledging<Pod> {

    PodEvents() {
      super(PODS);
    }

    @Override
    void changed(Pod pod) {
      scheduler.podChanged(pod);
      enqueuePod(pod);
      deploymentController.podChanged(pod);
    }

    @Override
    void deleted(Pod pod) {
      scheduler.podDeleted(pod);
      kubelet.forget(pod);
      deploymentController.podDeleted(pod);
      resyncUnboundPods();
    }
  }

  /** Routes Deployment events to the deployment controller. */
  private final class DeploymentEvents extends Acknowledging<Deployment> {

    DeploymentEvents() {
      super(DEPLOYMENTS);
    }

    @Override
    void changed(Deployment deployment) {
      deploymentController.enqueue(
          deployment.getMetadata().getNamespace(), deployment.getMetadata().getName());
    }

    @Override
    void deleted(Deployment deployment) {
      deploymentController.deleted(deployment);
    }
  }

  /**
   * Queues the work an event causes, then acknowledges the event, in that order, so that the
   * simulators never look idle between the two.
   */
  private abstract class Acknowledging<T extends HasMetadata> implements ResourceEventHandler<T> {

    private final String resource;

    Acknowledging(String resource) {
      this.resource = resource;
    }

    abstract void changed(T object);

    abstract void deleted(T object);

    @Override
    public void onAdd(T object) {
      handle(object, false, this::changed);
    }

    @Override
    public void onUpdate(T before, T after) {
      handle(after, false, this::changed);
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
      handle(object, true, this::deleted);
    }

    private void handle(T object, boolean deletion, Consumer<T> work) {
      try {
        work.accept(object);
      } finally {
        deliveries.acknowledge(resource, object, deletion);
      }
    }
  }

  /** Keeps a {@code Node} object in the API server for each simulated node. */
  private final class NodeObjects implements Nodes.Listener {

    @Override
    public void added(NodeSpec node, String internalIp) {
      loop.submit("node/" + node.name(), () -> {
        LOG.debug("node {} joins the cluster", node);
        client.nodes().resource(node.toNode(internalIp)).createOr(NonDeletingOperation::update);
        resyncUnboundPods();
      });
    }

    @Override
    public void removed(String name) {
      loop.submit("node/" + name, () -> {
        LOG.debug("node {} leaves the cluster", name);
        client.nodes().withName(name).delete();
      });
    }
  }
}
