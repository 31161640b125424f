package io.primehub.phdeploy.testkit.gateway;

import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * An answer to send: a status, a JSON body and extra headers.
 *
 * @param status the HTTP status
 * @param json the body
 * @param headers headers beyond the content type
 */
record Reply(int status, String json, Map<String, String> headers) {

  /** A reply; the headers are copied. */
  Reply {
    headers = Map.copyOf(headers);
  }

  /** A model's answer. */
  static Reply ok(SeldonMessage response) {
    return new Reply(200, SeldonJson.write(response), Map.of());
  }

  /** A Seldon failure whose status code is the HTTP status. */
  static Reply failure(int status, String info) {
    return new Reply(status, SeldonJson.write(SeldonMessage.failure(status, info)), Map.of());
  }

  /** This reply with one more header. */
  Reply withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new Reply(status, json, more);
  }
}
