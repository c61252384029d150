package org.hamster.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import org.apache.cxf.jaxrs.model.wadl.WadlGenerator;

/**
 * Takes the place of CXF's WADL generator, which every server gets by default and which CXF runs before all other
 * request filters: it would answer {@code ?_wadl} without the loopback and token checks. Here {@code _wadl} means
 * nothing, so such a request goes through the filters and to the resource like any other.
 */
public final class NoWadl extends WadlGenerator {
    @Override
    public void filter(ContainerRequestContext context) {
        // no WADL: the request continues to the access filters
    }
}
