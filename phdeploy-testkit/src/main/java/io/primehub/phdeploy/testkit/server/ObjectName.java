package io.primehub.phdeploy.testkit.server;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.Optional;

/**
 * The kind (by its plural) and the name of stored objects, as fabric8's attributes: the objects
 * of one kind and name, one per namespace, are the only ones a request naming that kind and name
 * can match.
 */
record ObjectName(Attribute plural, Attribute name) {

  /** The kind and name a stored object is keyed by, if its key has both. */
  static Optional<ObjectName> of(AttributeSet stored) {
    Attribute plural = stored.getAttribute(KubernetesAttributesExtractor.PLURAL);
    Attribute name = stored.getAttribute(KubernetesAttributesExtractor.NAME);
    return plural == null || name == null
        ? Optional.empty()
        : Optional.of(new ObjectName(plural, name));
  }

  /**
   * The kind and name every object matching this query has, if the query asks for both to be
   * equal to a value (not a selector's "not equal", "in" or "exists").
   */
  static Optional<ObjectName> namedBy(AttributeSet query) {
    return of(query).filter(name -> equality(name.plural()) && equality(name.name()));
  }

  private static boolean equality(Attribute attribute) {
    return attribute.getType() == AttributeType.WITH && attribute.getValues().size() == 1;
  }
}
