package org.hamster.itests;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.hamster.rest.ApiException;

/** A tiny JAX-RS resource that RestFeatureIT publishes through the hamster-rest whiteboard. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {
    /** What the resource answers: a record, serialized by the rest bundle's Jackson provider. */
    public record Greeting(String name, int length) {
    }

    @GET
    @Path("hello/{name}")
    public Greeting hello(@PathParam("name") String name) {
        return new Greeting(name, name.length());
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Greeting echo(Greeting greeting) {
        return greeting;
    }

    @GET
    @Path("conflict")
    public Greeting conflict() {
        throw new ApiException(409, "echo-busy", "the echo is busy");
    }

    @GET
    @Path("boom")
    public Greeting boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
