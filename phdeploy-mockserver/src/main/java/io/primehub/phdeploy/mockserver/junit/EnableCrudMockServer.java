package io.primehub.phdeploy.mockserver.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts, for each test, fabric8's mock Kubernetes API server in CRUD mode (recorded
 * expectations answered first) over plain HTTP, with the web sockets of a
 * {@link io.primehub.phdeploy.mockserver.QueuedSendsDispatcher}, and fills the test instance's
 * fields of type {@code KubernetesMockServer} and {@code KubernetesClient} (the client works in
 * the namespace {@code test}). Both are closed after the test. Subclasses of an annotated class
 * inherit it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CrudMockServerExtension.class)
public @interface EnableCrudMockServer {}
