package org.hamster.rpc.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.hamster.chain.StorageChange;
import org.hamster.common.Hex;

/** An RpcServer on an ephemeral loopback port over an {@link InMemoryChain}. */
final class TestServer implements AutoCloseable {
    static final byte[] KEY_A = Hex.decode("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9");
    static final byte[] KEY_B = Hex.decode("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371daa");
    static final byte[] KEY_OTHER = Hex.decode("0x3a636f6465");
    static final byte[] VALUE_A = Hex.decode("0x0102030405");

    final InMemoryChain chain;
    final RpcServer server;
    final int port;

    private TestServer(InMemoryChain chain, ServerSettings settings) throws IOException {
        this.chain = chain;
        this.server = new RpcServer(settings, chain);
        InetSocketAddress a = server.start();
        this.port = a.getPort();
    }

    static TestServer start() throws IOException {
        return start(ServerSettings.defaults(0));
    }

    static TestServer start(ServerSettings settings) throws IOException {
        InMemoryChain chain = new InMemoryChain(List.of(new StorageChange.Entry(KEY_A, VALUE_A),
                new StorageChange.Entry(KEY_B, Hex.decode("0x07")),
                new StorageChange.Entry(KEY_OTHER, Hex.decode("0x00"))));
        return new TestServer(chain, settings);
    }

    HttpRpc http() {
        return new HttpRpc(port);
    }

    WsClient ws() {
        return WsClient.connect(port);
    }

    @Override
    public void close() {
        server.close();
    }
}
