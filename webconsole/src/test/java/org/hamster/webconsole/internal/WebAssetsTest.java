package org.hamster.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebAssetsTest {
    /** The test site (src/test/resources/site). */
    static final WebAssets SITE = new WebAssets(name -> WebAssetsTest.class.getClassLoader().getResource("site/" + name));

    @Test
    void theRootAndFoldersServeTheirIndex() {
        WebAssets.Asset index = SITE.find("/").orElseThrow();
        assertEquals("text/html;charset=utf-8", index.contentType());
        assertTrue(new String(index.content(), StandardCharsets.UTF_8).startsWith("<!doctype html>"));
        assertEquals(index, SITE.find("").orElseThrow());
        assertEquals(index, SITE.find("/index.html").orElseThrow());
        assertTrue(new String(SITE.find("/pages/").orElseThrow().content(), StandardCharsets.UTF_8).contains("sub"));
    }

    @Test
    void filesWithTheirContentTypeAndAnEtagOfTheirContent() {
        WebAssets.Asset js = SITE.find("/app.js").orElseThrow();
        assertEquals("text/javascript;charset=utf-8", js.contentType());
        assertArrayEquals("export const x = 1;\n".getBytes(StandardCharsets.UTF_8), js.content());
        assertTrue(js.etag().matches("\"[0-9a-f]{32}\""), js.etag());
        WebAssets.Asset css = SITE.find("/pages/style.css").orElseThrow();
        assertEquals("text/css;charset=utf-8", css.contentType());
        assertNotEquals(js.etag(), css.etag());
    }

    @Test
    void nothingOutsideTheSiteNorHiddenNorFolders() {
        for (String path : new String[] {"/missing.js", "/pages", "/../secret.txt", "/pages/../app.js", "/.hidden",
            "//app.js", "/app.js/", "/a b.js", "/%2e%2e/x.js", "\\app.js", "/app.js?x", "app.js/../x"}) {
            assertTrue(SITE.find(path).isEmpty(), path);
        }
    }

    @Test
    void contentTypesByExtension() {
        assertEquals("image/svg+xml;charset=utf-8", WebAssets.contentType("logo.SVG"));
        assertEquals("font/woff2", WebAssets.contentType("f.woff2"));
        assertEquals("application/json;charset=utf-8", WebAssets.contentType("x.json"));
        assertEquals("application/octet-stream", WebAssets.contentType("x.bin"));
        assertEquals("application/octet-stream", WebAssets.contentType("README"));
    }

    @Test
    void theBundlesWebAppHasAnIndex() {
        WebAssets web = new WebAssets(name -> WebAssets.class.getClassLoader().getResource("web/" + name));
        assertEquals("text/html;charset=utf-8", web.find("/").orElseThrow().contentType());
    }
}
