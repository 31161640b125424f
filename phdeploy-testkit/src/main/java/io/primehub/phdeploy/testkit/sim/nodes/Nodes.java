package io.primehub.phdeploy.testkit.sim.nodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes of the simulated cluster. The default is one CPU node with ample room (64 CPUs,
 * 256Gi, 250 pods: far more than the fixture groups' quotas) and one GPU node (16 CPUs, 64Gi,
 * 4 GPUs) labelled {@code accelerator=nvidia} and tainted {@code nvidia.com/gpu:NoSchedule}, so
 * that pods of the fixture's {@code cpu-only} and {@code gpu-1} instance types both find a place.
 * Adding a node or removing one shows as a {@code Node} object and lets pending pods be scheduled.
 */
public final class Nodes {

  /** Told when a node comes or goes. */
  public interface Listener {

    /** A node was added, or replaced one of the same name. */
    void added(NodeSpec node, String internalIp);

    /** The node of this name was removed. */
    void removed(String name);
  }

  private final Map<String, Placed> nodes = new LinkedHashMap<>();
  private final Listener listener;
  private int nextIndex;

  /** Nodes that tell this listener of every change. */
  public Nodes(Listener listener) {
    this.listener = listener;
  }

  /** The default nodes: {@code cpu-node-1} and {@code gpu-node-1}. */
  public static List<NodeSpec> defaults() {
    return List.of(
        NodeSpec.named("cpu-node-1").cpu("64").memory("256Gi").maxPods(250),
        NodeSpec.named("gpu-node-1").cpu("16").memory("64Gi").gpus(4)
            .label("accelerator", "nvidia")
            .taint("nvidia.com/gpu", "", "NoSchedule"));
  }

  /** Adds a node, or replaces the node of the same name. */
  public Nodes add(NodeSpec node) {
    Placed placed;
    synchronized (nodes) {
      Placed old = nodes.get(node.name());
      int index = old == null ? nextIndex++ : old.index();
      placed = new Placed(node, index);
      nodes.put(node.name(), placed);
    }
    listener.added(node, placed.internalIp());
    return this;
  }

  /** Removes the node of this name; pods bound to it stay as they are. */
  public Nodes remove(String name) {
    synchronized (nodes) {
      nodes.remove(name);
    }
    listener.removed(name);
    return this;
  }

  /** The nodes, in the order they were added. */
  public List<NodeSpec> list() {
    synchronized (nodes) {
      return nodes.values().stream().map(Placed::spec).toList();
    }
  }

  /** The node of this name. */
  public Optional<NodeSpec> get(String name) {
    synchronized (nodes) {
      return Optional.ofNullable(nodes.get(name)).map(Placed::spec);
    }
  }

  /** The node's address, {@code 10.0.0.<n>}. */
  public Optional<String> internalIp(String name) {
    synchronized (nodes) {
      return Optional.ofNullable(nodes.get(name)).map(Placed::internalIp);
    }
  }

  private record Placed(NodeSpec spec, int index) {
    String internalIp() {
      return "10.0.0." + (index + 10);
    }
  }
}
