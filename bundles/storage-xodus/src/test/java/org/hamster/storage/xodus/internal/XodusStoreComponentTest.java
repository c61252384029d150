package org.hamster.storage.xodus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.storage.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XodusStoreComponentTest {

    @TempDir
    Path dir;

    private static XodusConfig config(String path, boolean durableWrite, int cachePercent) {
        return new XodusConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return XodusConfig.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public boolean durableWrite() {
                return durableWrite;
            }

            @Override
            public int cachePercent() {
                return cachePercent;
            }
        };
    }

    @Test
    void resolvesPlaceholdersFromProperties() throws HamsterException {
        assertEquals(Path.of("/var/karaf/data/hamster/chain"),
                XodusStoreComponent.resolvePath("${karaf.data}/hamster/chain", Map.of("karaf.data", "/var/karaf/data")::get));
        assertEquals(Path.of("data/hamster/chain").toAbsolutePath(),
                XodusStoreComponent.resolvePath("${karaf.data}/hamster/chain", name -> null));
        assertEquals(Path.of("/a/b/c"),
                XodusStoreComponent.resolvePath("${x}/b/${y}", Map.of("x", "/a", "y", "c")::get));
        assertEquals(Path.of("/srv/chain"), XodusStoreComponent.resolvePath("/srv/chain", name -> null));

        HamsterException unknown = assertThrows(HamsterException.class,
                () -> XodusStoreComponent.resolvePath("${nope}/chain", name -> null));
        assertEquals(ErrorCode.CONFIG, unknown.code());
        assertEquals(ErrorCode.CONFIG,
                assertThrows(HamsterException.class, () -> XodusStoreComponent.resolvePath(" ", name -> null)).code());
    }

    @Test
    void activateOpensTheConfiguredDirectoryAndDeactivateClosesIt() throws Exception {
        Path db = dir.resolve("nested/chain");
        XodusStoreComponent component = new XodusStoreComponent();
        component.activate(config(db.toString(), true, 10));
        assertTrue(Files.isDirectory(db));

        component.commit(new WriteBatch().put("c", new byte[] {1}, new byte[] {2}));
        component.close(); // ignored: the component owns the database
        assertArrayEquals(new byte[] {2}, component.get("c", new byte[] {1}));
        assertEquals(1, component.scan("c", new byte[0], null, 10).size());
        component.deactivate();
        assertThrows(IllegalStateException.class, () -> component.get("c", new byte[] {1}));

        XodusStoreComponent again = new XodusStoreComponent();
        again.activate(config(db.toString(), true, 10));
        assertArrayEquals(new byte[] {2}, again.get("c", new byte[] {1}));
        again.deactivate();
    }

    @Test
    void badSettingsRefuseToActivate() {
        HamsterException e = assertThrows(HamsterException.class,
                () -> new XodusStoreComponent().activate(config(dir.toString(), true, 0)));
        assertEquals(ErrorCode.CONFIG, e.code());
    }
}
