package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 requests sent back to back on one connection are answered in their order. */
class PipeliningTest {
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TestServer server = TestServer.start(); Socket s = new Socket("127.0.0.1", server.port)) {
            s.setSoTimeout(10_000);
            StringBuilder all = new StringBuilder();
            int n = 20;
            for (int i = 0; i < n; i++) {
                String body = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\""
                        + (i % 2 == 0 ? "state_getRuntimeVersion" : "system_chain") + "\"}";
                all.append("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ")
                        .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
            }
            s.getOutputStream().write(all.toString().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            List<Integer> ids = new ArrayList<>();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            Pattern id = Pattern.compile("\"id\":(\\d+)");
            byte[] buf = new byte[8192];
            while (ids.size() < n) {
                int r = in.read(buf);
                assertTrue(r > 0, "connection closed after " + ids);
                got.write(buf, 0, r);
                ids.clear();
                Matcher m = id.matcher(got.toString(StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(Integer.parseInt(m.group(1)));
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(i, ids.get(i), ids::toString);
            }
        }
    }
}
