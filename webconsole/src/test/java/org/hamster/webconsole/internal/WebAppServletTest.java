package org.hamster.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** The servlet's answers, with a request and response that record what it does. */
class WebAppServletTest {
    private final WebAppServlet servlet = new WebAppServlet(WebAssetsTest.SITE);

    /** What the servlet did to the response. */
    static final class Answer {
        int status = 200;
        String redirect;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    @Test
    void servesFilesWithRevalidationAndAPolicyOfThisOriginOnly() throws Exception {
        Answer a = get("/app.js", null);
        assertEquals(200, a.status);
        assertEquals("text/javascript;charset=utf-8", a.headers.get("Content-Type"));
        assertEquals("export const x = 1;\n", a.body.toString());
        assertEquals("no-cache", a.headers.get("Cache-Control"));
        assertEquals("nosniff", a.headers.get("X-Content-Type-Options"));
        assertTrue(a.headers.get("Content-Security-Policy").startsWith("default-src 'self'"));
        assertFalse(a.headers.get("Content-Security-Policy").contains("http"), "no other origin");
        assertEquals(String.valueOf(a.body.size()), a.headers.get("Content-Length"));
    }

    @Test
    void anUnchangedFileIs304() throws Exception {
        String etag = get("/", null).headers.get("ETag");
        Answer a = get("/", etag);
        assertEquals(304, a.status);
        assertEquals(0, a.body.size());
        assertEquals(200, get("/", "\"other\"").status);
        assertTrue(WebAppServlet.matches("\"a\", " + etag, etag));
        assertTrue(WebAppServlet.matches("W/" + etag, etag));
        assertTrue(WebAppServlet.matches("*", etag));
        assertFalse(WebAppServlet.matches(null, etag));
    }

    @Test
    void theBareRootRedirectsToTheFolderAndUnknownFilesAre404() throws Exception {
        assertEquals("/hamster/", get(null, null).redirect);
        assertEquals(404, get("/nothing.js", null).status);
        assertEquals(404, get("/../etc/passwd", null).status);
    }

    private Answer get(String pathInfo, String ifNoneMatch) throws Exception {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/hamster";
                    case "getMethod" -> "GET";
                    case "getHeader" -> "If-None-Match".equals(args[0]) ? ifNoneMatch : null;
                    default -> null;
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.headers.put("Content-Type", (String) args[0]);
                        case "setContentLength" -> answer.headers.put("Content-Length", String.valueOf(args[0]));
                        case "setStatus", "sendError" -> answer.status = (Integer) args[0];
                        case "sendRedirect" -> {
                            answer.status = 302;
                            answer.redirect = (String) args[0];
                        }
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        servlet.doGet(request, response);
        return answer;
    }
}
