package org.hamster.backend.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class DockerEngineTest {
    @Test
    void daemonReasonsAreExtracted() {
        assertEquals("No such container: hamster-x",
                DockerEngine.daemonMessage("Status 404: {\"message\":\"No such container: hamster-x\"}\n"));
        assertEquals("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
                DockerEngine.daemonMessage("Status 400: {\"message\":\"Range of CPUs is from 0.01 to 2.00, as there "
                        + "are only 2 CPUs available\"}"));
        assertEquals("say \"hi\" \\ bye", DockerEngine.daemonMessage("{\"message\": \"say \\\"hi\\\" \\\\ bye\"}"));
        assertEquals("plain text", DockerEngine.daemonMessage(" plain text \n"));
        assertEquals("no reason given", DockerEngine.daemonMessage(null));
    }

    @Test
    void transportFailuresNameTheirRootCause() {
        RuntimeException e = new RuntimeException("wrapper", new IOException("outer",
                new IOException("No such file or directory")));
        assertEquals("IOException: No such file or directory", DockerEngine.rootCause(e));
        assertEquals("IllegalStateException", DockerEngine.rootCause(new IllegalStateException()));
    }
}
