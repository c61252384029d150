package org.hamster.devnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {
    @Test
    void autoPrefersDockerThenKvm() {
        assertEquals(Optional.of("docker"), BackendChoice.choose("auto", true, true));
        assertEquals(Optional.of("kvm"), BackendChoice.choose("auto", false, true));
        assertEquals(Optional.empty(), BackendChoice.choose("auto", false, false));
    }

    @Test
    void anExplicitChoiceIsKeptWhateverRuns() {
        assertEquals(Optional.of("kvm"), BackendChoice.choose(" KVM ", true, false));
        assertEquals(Optional.of("docker"), BackendChoice.choose("docker", false, false));
        assertEquals(Optional.empty(), BackendChoice.choose("none", true, true));
        assertEquals("hamster-backend-kvm", BackendChoice.feature("kvm"));
    }

    @Test
    void anUnknownBackendIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendChoice.choose("podman", true, true));
        assertTrue(e.getMessage().contains("'podman'"), e.getMessage());
    }
}
