/**
 * JUnit 5 support: {@link io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer} gives each
 * test a mock API server of its own and a client of it.
 */
package io.primehub.phdeploy.mockserver.junit;
