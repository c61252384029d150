/**
 * The KVM compute backend: libvirt-java (embedded) against libvirtd, one domain per lease. Private to the bundle,
 * which exports nothing.
 */
package org.hamster.backend.kvm.internal;
