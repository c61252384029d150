package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    private final List<String> log = new ArrayList<>();
    private final Endpoints endpoints = new Endpoints((path, resource, access) -> {
        if (resource.equals("broken")) {
            throw new IllegalStateException("no @Path");
        }
        log.add("+" + path + "=" + resource + (access == Access.TOKEN ? "" : " " + access));
        return () -> log.add("-" + path + "=" + resource);
    });

    @Test
    void publishesAndWithdraws() {
        endpoints.add(1, "/gateway", "g");
        endpoints.add(2, "/provider/v1", "p");
        assertEquals(Map.of("/gateway", 1L, "/provider/v1", 2L), endpoints.published());
        endpoints.remove(1);
        endpoints.remove(1);
        assertEquals(List.of("+/gateway=g", "+/provider/v1=p", "-/gateway=g"), log);
    }

    @Test
    void aSecondResourceForATakenPathWaitsForIt() {
        endpoints.add(1, "/x", "a");
        endpoints.add(2, "/x", "b");
        endpoints.add(3, "/x", "c");
        endpoints.remove(3);
        assertEquals(Map.of("/x", 1L), endpoints.published());
        endpoints.remove(1);
        assertEquals(Map.of("/x", 2L), endpoints.published());
        assertEquals(List.of("+/x=a", "-/x=a", "+/x=b"), log);
    }

    @Test
    void invalidPathsAreNotPublished() {
        for (Object bad : new Object[] {null, "", "/", "gateway", "/gateway/", "//x", "/a/../b", "/.hidden", "/a b",
                "/a?b", new String[] {"/x"}, 42}) {
            assertNull(Endpoints.validPath(bad), String.valueOf(bad));
            endpoints.add(7, bad, "r");
        }
        assertTrue(endpoints.published().isEmpty());
        assertEquals("/a.b_c-1/V2", Endpoints.validPath("/a.b_c-1/V2"));
    }

    @Test
    void aFailedPublicationDoesNotBlockThePath() {
        endpoints.add(1, "/x", "broken");
        assertTrue(endpoints.published().isEmpty());
        endpoints.add(2, "/x", "ok");
        assertEquals(Map.of("/x", 2L), endpoints.published());
    }

    @Test
    void anUpdateRepublishesOnlyWhenThePathOrTheAccessChanged() {
        endpoints.add(1, "/x", "a");
        endpoints.update(1, "/x", "a", Access.TOKEN);
        endpoints.update(1, "/y", "a", Access.TOKEN);
        endpoints.update(1, "/y", "a", Access.PUBLIC_READS);
        assertEquals(List.of("+/x=a", "-/x=a", "+/y=a", "-/y=a", "+/y=a PUBLIC_READS"), log);
    }

    @Test
    void theAccessOfAServiceComesFromItsPublicProperty() {
        for (Object yes : new Object[] {true, "true", " TRUE "}) {
            assertEquals(Access.PUBLIC_READS, Access.of(yes), String.valueOf(yes));
        }
        for (Object no : new Object[] {null, false, "false", "yes", "", 1, new String[] {"true"}}) {
            assertEquals(Access.TOKEN, Access.of(no), String.valueOf(no));
        }
    }

    @Test
    void closeWithdrawsEverythingAndIgnoresLaterAdditions() {
        endpoints.add(1, "/x", "a");
        endpoints.close();
        endpoints.add(2, "/y", "b");
        assertTrue(endpoints.published().isEmpty());
        assertEquals(List.of("+/x=a", "-/x=a"), log);
    }
}
