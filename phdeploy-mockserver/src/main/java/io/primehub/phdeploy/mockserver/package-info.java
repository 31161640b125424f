/**
 * fabric8's mock Kubernetes API server, made safe for web sockets that end while the server has
 * something to send them: {@link io.primehub.phdeploy.mockserver.QueuedSendsDispatcher} for a
 * server of one's own, {@link io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer} for one
 * per test.
 */
package io.primehub.phdeploy.mockserver;
