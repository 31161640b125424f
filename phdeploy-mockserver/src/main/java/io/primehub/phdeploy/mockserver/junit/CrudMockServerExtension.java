package io.primehub.phdeploy.mockserver.junit;

import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.DefaultMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.primehub.phdeploy.mockserver.QueuedSendsDispatcher;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What {@link EnableCrudMockServer} does; see there. */
public final class CrudMockServerExtension implements BeforeEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CrudMockServerExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server = new KubernetesMockServer(
        new Context(), new MockWebServer(), responses, new QueuedSendsDispatcher(responses), false);
    server.init();
    Started started = new Started(server, server.createClient());
    // The store closes what it holds once the test is over.
    context.getStore(NAMESPACE).put(Started.class, started);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      started.injectInto(instance);
    }
  }

  /** A started server and its client, closed together. */
  private record Started(KubernetesMockServer server, NamespacedKubernetesClient client)
      implements AutoCloseable {

    void injectInto(Object instance) throws IllegalAccessException {
      for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())) {
            inject(instance, field);
          }
        }
      }
    }

    private void inject(Object instance, Field field) throws IllegalAccessException {
      Class<?> type = field.getType();
      if (DefaultMockServer.class.isAssignableFrom(type) && type.isInstance(server)) {
        field.setAccessible(true);
        field.set(instance, server);
      } else if (Client.class.isAssignableFrom(type) && type.isInstance(client)) {
        field.setAccessible(true);
        field.set(instance, client);
      }
    }

    @Override
    public void close() {
      // The client first: its watches end before the server goes.
      client.close();
      server.destroy();
    }
  }
}
