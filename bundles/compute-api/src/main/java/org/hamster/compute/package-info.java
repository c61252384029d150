/**
 * Compute backends for the provider role. A {@link org.hamster.compute.ComputeBackend} (one OSGi service per
 * backend, service property {@value org.hamster.compute.ComputeBackend#NAME_PROPERTY}) turns a
 * {@link org.hamster.compute.MachineSpec} into a running {@link org.hamster.compute.Machine}: CPU and memory limits
 * applied, the tenant's SSH key installed without any shell command being built from it, SSH reachable on
 * 127.0.0.1 only. Backends label what they create with the lease id, so that after a restart
 * {@link org.hamster.compute.ComputeBackend#list()} finds every machine again.
 */
@Version("0.1.0")
package org.hamster.compute;

import org.osgi.annotation.versioning.Version;
