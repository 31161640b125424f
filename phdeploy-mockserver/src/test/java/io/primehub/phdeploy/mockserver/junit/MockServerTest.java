package io.primehub.phdeploy.mockserver.junit;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** A base class whose field the extension fills in its subclasses' tests. */
@EnableCrudMockServer
abstract class MockServerTest {

  KubernetesMockServer server;
}
