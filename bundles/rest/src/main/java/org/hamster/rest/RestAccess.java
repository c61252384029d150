package org.hamster.rest;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How local clients (shell commands, the web UI) reach the REST API: registered by the rest bundle once the
 * token is in place. Every request needs the header {@code Authorization: Bearer <token()>}.
 */
@ProviderType
public interface RestAccess {
    /** The file that holds the token (hex, 64 characters), readable only by the Karaf user. */
    Path tokenFile();

    /** The token every request must carry. */
    String token();
}
