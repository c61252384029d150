package org.hamster.webconsole.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The web app's files, as the bundle holds them: which file a request path names, its content type and an ETag of
 * its content. A path names a file only if each of its segments is made of letters, digits, '.', '_' and '-' and
 * does not start with '.'; a path ending in '/' names the index.html there. Files are read once and kept (a
 * bundle's content never changes). Thread-safe.
 */
final class WebAssets {
    /** One file: its bytes, content type and strong ETag (quoted). */
    record Asset(byte[] content, String contentType, String etag) {
    }

    static final String INDEX = "index.html";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*/?");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json;charset=utf-8"),
            Map.entry("map", "application/json;charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json;charset=utf-8"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("svg", "image/svg+xml;charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("wasm", "application/wasm"));

    private final Function<String, URL> files;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** {@code files} finds a file by its path below the web root ("index.html", "pages/x.js"), null if none. */
    WebAssets(Function<String, URL> files) {
        this.files = files;
    }

    /** The file a request path below the app's root names ("", "/", "/app.js"); empty if none or not allowed. */
    Optional<Asset> find(String path) {
        String p = path == null ? "" : path;
        if (!PATH.matcher(p).matches()) {
            return Optional.empty();
        }
        String name = (p.isEmpty() || p.endsWith("/") ? p + INDEX : p).substring(p.startsWith("/") ? 1 : 0);
        return cache.computeIfAbsent(name, this::load);
    }

    /** The content type of a file name by its extension; application/octet-stream if unknown. */
    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private Optional<Asset> load(String name) {
        URL url = files.apply(name);
        if (url == null || name.substring(name.lastIndexOf('/') + 1).indexOf('.') < 0) {
            return Optional.empty(); // no such file, or a folder (served files have an extension)
        }
        try (InputStream in = url.openStream()) {
            byte[] content = in.readAllBytes();
            return Optional.of(new Asset(content, contentType(name), etag(content)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
