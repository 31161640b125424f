package io.primehub.phdeploy.testkit.sim.nodes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.primehub.phdeploy.core.quota.Quantities;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of the simulated cluster: what pods may use of it, its labels and its taints. Immutable;
 * each method returns a changed copy.
 *
 * <pre>{@code
 * NodeSpec.named("gpu-node-2").cpu("8").memory("32Gi").gpus(2)
 *     .label("accelerator", "nvidia").taint("nvidia.com/gpu", "", "NoSchedule")
 * }</pre>
 */
public final class NodeSpec {

  private final String name;
  private final String cpu;
  private final String memory;
  private final int gpus;
  private final int maxPods;
  private final Map<String, String> labels;
  private final List<Taint> taints;

  private NodeSpec(
      String name, String cpu, String memory, int gpus, int maxPods, Map<String, String> labels,
      List<Taint> taints) {
    this.name = name;
    this.cpu = cpu;
    this.memory = memory;
    this.gpus = gpus;
    this.maxPods = maxPods;
    this.labels = Map.copyOf(labels);
    this.taints = List.copyOf(taints);
  }

  /** A node of this name with 4 CPUs, 16Gi of memory, no GPU, room for 110 pods, no taint. */
  public static NodeSpec named(String name) {
    Objects.requireNonNull(name, "name");
    return new NodeSpec(
        name, "4", "16Gi", 0, 110, Map.of("kubernetes.io/hostname", name), List.of());
  }

  /** This node with this much allocatable CPU, for example {@code 8} or {@code 7500m}. */
  public NodeSpec cpu(String quantity) {
    Quantities.cpuMillis(quantity);
    return new NodeSpec(name, quantity, memory, gpus, maxPods, labels, taints);
  }

  /** This node with this much allocatable memory, for example {@code 32Gi}. */
  public NodeSpec memory(String quantity) {
    Quantities.bytes(quantity);
    return new NodeSpec(name, cpu, quantity, gpus, maxPods, labels, taints);
  }

  /** This node with this many {@code nvidia.com/gpu}. */
  public NodeSpec gpus(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("a node cannot have " + count + " GPUs");
    }
    return new NodeSpec(name, cpu, memory, count, maxPods, labels, taints);
  }

  /** This node with room for at most this many pods. */
  public NodeSpec maxPods(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("a node cannot hold " + count + " pods");
    }
    return new NodeSpec(name, cpu, memory, gpus, count, labels, taints);
  }

  /** This node with this label too. */
  public NodeSpec label(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(labels);
    more.put(key, value);
    return new NodeSpec(name, cpu, memory, gpus, maxPods, more, taints);
  }

  /**
   * This node with this taint too.
   *
   * @param value the taint's value, empty for none
   * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
   */
  public NodeSpec taint(String key, String value, String effect) {
    List<Taint> more = new ArrayList<>(taints);
    more.add(new TaintBuilder().withKey(key).withValue(value.isEmpty() ? null : value)
        .withEffect(effect).build());
    return new NodeSpec(name, cpu, memory, gpus, maxPods, labels, more);
  }

  /** The node's name. */
  public String name() {
    return name;
  }

  /** The node's labels. */
  public Map<String, String> labels() {
    return labels;
  }

  /** The node's taints. */
  public List<Taint> taints() {
    return taints;
  }

  /** What pods may use of the node. */
  public Resources allocatable() {
    return new Resources(Quantities.cpuMillis(cpu), Quantities.bytes(memory), gpus);
  }

  /** How many pods the node holds at most. */
  public int maxPods() {
    return maxPods;
  }

  /** The {@code Node} object the API server shows for this node, ready, at this address. */
  public Node toNode(String internalIp) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity(cpu));
    capacity.put("memory", new Quantity(memory));
    capacity.put("pods", new Quantity(Integer.toString(maxPods)));
    if (gpus > 0) {
      capacity.put(PodAmounts.GPU, new Quantity(Integer.toString(gpus)));
    }
    return new NodeBuilder()
        .withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withTaints(taints).endSpec()
        .withNewStatus()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withMessage("kubelet is posting ready status").endCondition()
        .addNewAddress().withType("InternalIP").withAddress(internalIp).endAddress()
        .addNewAddress().withType("Hostname").withAddress(name).endAddress()
        .endStatus()
        .build();
  }

  @Override
  public String toString() {
    return name + " " + allocatable() + ", " + maxPods + " pods, labels " + labels + ", taints "
        + taints.stream().map(t -> t.getKey() + "=" + Objects.requireNonNullElse(t.getValue(), "")
            + ":" + t.getEffect()).toList();
  }
}
