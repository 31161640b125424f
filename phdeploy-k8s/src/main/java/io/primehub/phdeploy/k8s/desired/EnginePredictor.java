package io.primehub.phdeploy.k8s.desired;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.model.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Seldon predictor graph the engine reads from {@code ENGINE_PREDICTOR}: a single model
 * node that the engine calls over REST on {@code localhost}, the model container beside it.
 */
final class EnginePredictor {

  /** The graph node's name, which is also the model's {@code PREDICTIVE_UNIT_ID}. */
  static final String MODEL_UNIT = "model";

  private EnginePredictor() {}

  /**
   * The graph as JSON: {@code {"name":<predictor>,"graph":{"name":"model","type":"MODEL",
   * "endpoint":{"type":"REST","service_host":"localhost","service_port":9000},
   * "children":[]}}}. It leaves out the replica count, which the engine does not use: being
   * part of the pod template, it would make every scale roll out every pod again.
   */
  static String json(Predictor predictor) {
    // Built as a tree rather than as text, so that any predictor name is escaped correctly.
    ObjectNode root = WireJson.mapper().createObjectNode().put("name", predictor.name());
    ObjectNode graph = root.putObject("graph").put("name", MODEL_UNIT).put("type", "MODEL");
    graph.putObject("endpoint")
        .put("type", "REST")
        .put("service_host", "localhost")
        .put("service_port", SeldonPorts.MODEL_HTTP);
    graph.putArray("children");
    return root.toString();
  }

  /** {@link #json} encoded in base64, the value of {@code ENGINE_PREDICTOR}. */
  static String encoded(Predictor predictor) {
    return Base64.getEncoder().encodeToString(json(predictor).getBytes(StandardCharsets.UTF_8));
  }
}
