/**
 * How a pod of an instance type is shared between its containers: the model server, the Seldon
 * engine beside it and the init container that fetches the model, so that the pod as a whole
 * asks for exactly what the instance type says and a group's quota counts it exactly.
 */
package io.primehub.phdeploy.core.sizing;
