package org.hamster.webconsole.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the web app, the files of this bundle's folder {@code web/}, at {@code /hamster/} on Karaf's HTTP port
 * (pax-web's OSGi HTTP whiteboard). {@code /hamster} redirects to {@code /hamster/}, which is index.html. The REST
 * API below {@code /hamster/api/} is CXF's servlet: its longer path wins. Every answer must be revalidated (no-cache
 * with an ETag, so a new version shows at once and an unchanged file costs a 304), and the content security
 * policy allows this origin only: the app makes no request elsewhere.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=" + WebAppServlet.ROOT + "/*",
    "osgi.http.whiteboard.servlet.name=hamster-web"})
public final class WebAppServlet extends HttpServlet {
    static final String ROOT = "/hamster";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final long serialVersionUID = 1L;

    private final transient WebAssets assets;

    public WebAppServlet() {
        this(new WebAssets(name -> WebAppServlet.class.getClassLoader().getResource("web/" + name)));
    }

    WebAppServlet(WebAssets assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<WebAssets.Asset> found = assets.find(path);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no file " + path + " in the Hamster web app");
            return;
        }
        WebAssets.Asset asset = found.get();
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", asset.etag());
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        if (matches(request.getHeader("If-None-Match"), asset.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        response.setContentLength(asset.content().length);
        response.getOutputStream().write(asset.content());
    }

    /** Whether an If-None-Match header lists the ETag (or is *). */
    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }
}
