package org.hamster.chain.client.testnode;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The smallest RFC 6455 server the client tests need: handshake, (fragmented, masked) text frames in, unmasked
 * text frames out, ping/pong and close. One thread per connection. It can drop every connection abruptly.
 */
public final class MiniWsServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private final ServerSocket server;
    private final BiConsumer<Conn, String> onMessage;
    private final Set<Conn> conns = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** Simulates a half-open connection: pings go unanswered (and nothing tells the client). */
    public volatile boolean ignorePings;

    public MiniWsServer(int port, BiConsumer<Conn, String> onMessage) throws IOException {
        this.onMessage = onMessage;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread t = new Thread(this::acceptLoop, "mini-ws-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    public int connections() {
        return conns.size();
    }

    /** Closes every connection without a close frame, as a crashed node would. */
    public void dropAll() {
        conns.forEach(Conn::abort);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropAll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(s);
                Thread t = new Thread(c::run, "mini-ws-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client connection. */
    public final class Conn {
        private final Socket socket;
        private OutputStream out;

        Conn(Socket socket) {
            this.socket = socket;
        }

        /** Sends one text frame; false if the connection is gone. */
        public synchronized boolean send(String text) {
            try {
                frame(0x81, text.getBytes(StandardCharsets.UTF_8));
                return true;
            } catch (IOException e) {
                abort();
                return false;
            }
        }

        public void abort() {
            conns.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        private void run() {
            try (socket) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                out = socket.getOutputStream();
                handshake(in);
                conns.add(this);
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int b0 = in.readUnsignedByte();
                    byte[] payload = payload(in);
                    int opcode = b0 & 0x0f;
                    if (opcode == 8) {
                        synchronized (this) {
                            frame(0x88, new byte[0]);
                        }
                        return;
                    } else if (opcode == 9 && !ignorePings) {
                        synchronized (this) {
                            frame(0x8a, payload);
                        }
                    } else if (opcode == 1 || opcode == 0) {
                        message.write(payload);
                        if ((b0 & 0x80) != 0) {
                            String text = message.toString(StandardCharsets.UTF_8);
                            message.reset();
                            onMessage.accept(this, text);
                        }
                    }
                }
            } catch (IOException e) {
                // connection ended
            } finally {
                conns.remove(this);
            }
        }

        private void handshake(DataInputStream in) throws IOException {
            String key = null;
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                throw new IOException("not a WebSocket upgrade");
            }
            String accept = Base64.getEncoder().encodeToString(sha1(key + GUID));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private void frame(int b0, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
            f.write(b0);
            if (payload.length < 126) {
                f.write(payload.length);
            } else if (payload.length < 65536) {
                f.write(126);
                f.write(payload.length >>> 8);
                f.write(payload.length);
            } else {
                f.write(127);
                for (int i = 7; i >= 0; i--) {
                    f.write((int) ((long) payload.length >>> (8 * i)));
                }
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }
    }

    private static byte[] payload(DataInputStream in) throws IOException {
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] mask = new byte[4];
        boolean masked = (b1 & 0x80) != 0;
        if (masked) {
            in.readFully(mask);
        }
        byte[] data = new byte[(int) len];
        in.readFully(data);
        if (masked) {
            for (int i = 0; i < data.length; i++) {
                data[i] ^= mask[i & 3];
            }
        }
        return data;
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c == -1 && sb.length() == 0) {
            throw new IOException("connection closed during handshake");
        }
        return sb.toString();
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
