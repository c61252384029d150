package org.hamster.chain.client.testnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.EventRecords;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.SignedPayload;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.common.Hex;
import org.hamster.crypto.Blake2b;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.system.SystemStorage;

/**
 * A tiny in-memory "node" behind {@link MiniWsServer} speaking the Substrate RPC subset the client uses. Every
 * accepted extrinsic is sealed at once into its own block (instant seal). A transfer of more than
 * {@link #SPENDABLE} fails with Balances.InsufficientBalance, ResourceOrder.create_order deposits OrderCreated and
 * exec_order fails with ResourceOrder.NotResourceOwner; signatures, eras and nonces are checked for real.
 */
public final class FakeNode implements AutoCloseable {
    public static final BigInteger SPENDABLE = BigInteger.TEN.pow(20);
    public static final int SYSTEM = 0;
    public static final int BALANCES = 2;
    public static final int TX_PAYMENT = 3;
    public static final int RESOURCE_ORDER = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Block(Header header, H256 hash, List<byte[]> xts, byte[] events) {
    }

    private record Sub(String id, String kind, MiniWsServer.Conn conn, List<byte[]> keys) {
    }

    private static final byte[] EVENTS = SystemStorage.EVENTS.key();

    private final MiniWsServer server;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<H256, Block> byHash = new HashMap<>();
    private final Map<Bytes, byte[]> storage = new HashMap<>();
    private final Map<AccountId, Long> nonces = new HashMap<>();
    private final Map<String, Sub> subs = new HashMap<>();
    private int nextSub;
    private long specVersion = 100;
    /** Methods the node receives but never answers. */
    public final Set<String> silent = ConcurrentHashMap.newKeySet();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<Extrinsic> included = new CopyOnWriteArrayList<>();
    public final AtomicInteger rejections = new AtomicInteger();
    /** Drop the connection right after reporting "ready" to a watcher. */
    public volatile boolean dropAfterReady;

    public FakeNode() throws IOException {
        this(0);
    }

    public FakeNode(int port) throws IOException {
        seal(List.of(), List.of(), List.of());
        server = new MiniWsServer(port, this::handle);
    }

    public URI uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    public MiniWsServer server() {
        return server;
    }

    public synchronized H256 genesis() {
        return blocks.get(0).hash;
    }

    public synchronized long bestNumber() {
        return blocks.size() - 1;
    }

    public synchronized long specVersion() {
        return specVersion;
    }

    public synchronized void setNonce(AccountId who, long nonce) {
        nonces.put(who, nonce);
        writeAccount(who);
    }

    public synchronized long nonce(AccountId who) {
        return nonces.getOrDefault(who, 0L);
    }

    public synchronized void putStorage(byte[] key, byte[] value) {
        storage.put(Bytes.of(key), value);
    }

    /** Seals an empty block (with a RuntimeEnvironmentUpdated digest when {@code upgrade}) and notifies. */
    public synchronized H256 produceBlock(boolean upgrade) {
        if (upgrade) {
            specVersion++;
        }
        return seal(List.of(), List.of(), upgrade ? List.of(new byte[] {8}) : List.of());
    }

    /** A new runtime without the digest marker: only a rejected signature reveals it. */
    public synchronized void upgradeSilently() {
        specVersion++;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private synchronized void handle(MiniWsServer.Conn conn, String text) {
        JsonNode req;
        try {
            req = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        String method = req.path("method").asText();
        calls.add(method);
        if (silent.contains(method)) {
            return;
        }
        JsonNode params = req.path("params");
        long id = req.path("id").asLong();
        try {
            switch (method) {
                case "author_submitAndWatchExtrinsic" -> watch(conn, id, Hex.decode(params.get(0).asText()));
                case "author_submitExtrinsic" -> {
                    Extrinsic xt = check(Hex.decode(params.get(0).asText()));
                    include(xt);
                    reply(conn, id, JSON.valueToTree(xt.hash().hex()));
                }
                case "chain_subscribeNewHeads" -> notify(subscribe(conn, id, "chain_newHead", List.of()),
                        header(best().header));
                case "chain_subscribeFinalizedHeads" -> notify(subscribe(conn, id, "chain_finalizedHead",
                        List.of()), header(best().header));
                case "state_subscribeStorage" -> {
                    List<byte[]> keys = new ArrayList<>();
                    params.get(0).forEach(k -> keys.add(Hex.decode(k.asText())));
                    Sub s = subscribe(conn, id, "state_storage", keys);
                    notifyStorage(s, best().hash);
                }
                default -> reply(conn, id, answer(method, params));
            }
        } catch (RpcError e) {
            rejections.incrementAndGet();
            ObjectNode err = JSON.createObjectNode().put("code", e.code).put("message", e.getMessage());
            if (e.data != null) {
                err.put("data", e.data);
            }
            conn.send(JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).set("error", err).toString());
        }
    }

    private JsonNode answer(String method, JsonNode params) throws RpcError {
        return switch (method) {
            case "chain_getBlockHash" -> {
                long n = params.has(0) ? params.get(0).asLong() : bestNumber();
                yield n < blocks.size() ? text(blocks.get((int) n).hash.hex()) : null;
            }
            case "chain_getHeader" -> {
                Block b = params.has(0) ? byHash.get(H256.fromHex(params.get(0).asText())) : best();
                yield b == null ? null : header(b.header);
            }
            case "chain_getBlock" -> {
                Block b = byHash.get(H256.fromHex(params.get(0).asText()));
                if (b == null) {
                    yield null;
                }
                ObjectNode block = JSON.createObjectNode();
                block.set("header", header(b.header));
                ArrayNode xts = block.putArray("extrinsics");
                b.xts.forEach(x -> xts.add(Hex.encode(x)));
                ObjectNode out = JSON.createObjectNode();
                out.set("block", block);
                yield out;
            }
            case "chain_getFinalizedHead" -> text(best().hash.hex());
            case "state_getRuntimeVersion" -> runtimeVersion();
            case "state_getStorage" -> {
                byte[] key = Hex.decode(params.get(0).asText());
                byte[] v = params.has(1) && !params.get(1).isNull()
                        ? valueAt(key, H256.fromHex(params.get(1).asText())) : storage.get(Bytes.of(key));
                yield v == null ? null : text(Hex.encode(v));
            }
            case "state_getKeysPaged" -> {
                byte[] prefix = Hex.decode(params.get(0).asText());
                int count = params.get(1).asInt();
                Bytes start = params.has(2) && !params.get(2).isNull() ? Bytes.wrap(Hex.decode(params.get(2).asText()))
                        : null;
                ArrayNode keys = JSON.createArrayNode();
                storage.keySet().stream().filter(k -> k.startsWith(prefix) && (start == null || k.compareTo(start) > 0))
                        .sorted().limit(count).forEach(k -> keys.add(Hex.encode(k.unsafeArray())));
                yield keys;
            }
            case "state_queryStorageAt" -> {
                ObjectNode set = JSON.createObjectNode().put("block", best().hash.hex());
                ArrayNode changes = set.putArray("changes");
                params.get(0).forEach(k -> {
                    byte[] v = storage.get(Bytes.wrap(Hex.decode(k.asText())));
                    ArrayNode pair = changes.addArray().add(k.asText());
                    if (v == null) {
                        pair.addNull();
                    } else {
                        pair.add(Hex.encode(v));
                    }
                });
                yield JSON.createArrayNode().add(set);
            }
            case "system_accountNextIndex" -> {
                try {
                    yield JSON.valueToTree(nonce(AccountId.parse(params.get(0).asText())));
                } catch (Exception e) {
                    throw new RpcError(-32602, "Invalid params", e.getMessage());
                }
            }
            case "system_properties" -> JSON.createObjectNode().put("ss58Format", 42).put("tokenDecimals", 12)
                    .put("tokenSymbol", "HAM");
            case "chain_unsubscribeNewHeads", "chain_unsubscribeFinalizedHeads", "state_unsubscribeStorage",
                    "author_unwatchExtrinsic" -> JSON.valueToTree(subs.remove(params.get(0).asText()) != null);
            case "test_echo" -> params;
            case "test_fail" -> throw new RpcError(-32000, "deliberate failure", "details");
            default -> throw new RpcError(-32601, "Method not found", null);
        };
    }

    private byte[] valueAt(byte[] key, H256 at) {
        Block b = byHash.get(at);
        if (b == null) {
            return null;
        }
        return java.util.Arrays.equals(key, EVENTS) ? b.events : storage.get(Bytes.of(key));
    }

    private void watch(MiniWsServer.Conn conn, long id, byte[] bytes) throws RpcError {
        Extrinsic xt = check(bytes);
        Sub s = subscribe(conn, id, "author_extrinsicUpdate", List.of());
        notify(s, text("ready"));
        if (dropAfterReady) {
            conn.abort();
            return;
        }
        H256 block = include(xt);
        notify(s, JSON.createObjectNode().put("inBlock", block.hex()));
        notify(s, JSON.createObjectNode().put("finalized", block.hex()));
        subs.remove(s.id);
    }

    /** The node's validity checks, with Substrate's error texts. */
    private Extrinsic check(byte[] bytes) throws RpcError {
        Extrinsic xt;
        try {
            xt = Extrinsic.decode(bytes);
        } catch (ScaleException e) {
            throw new RpcError(1010, "Invalid Transaction", "Could not decode extrinsic: " + e.getMessage());
        }
        long best = bestNumber();
        H256 eraHash = xt.era().immortal() ? genesis() : blocks.get((int) xt.era().birth(best)).hash;
        byte[] payload = SignedPayload.of(xt.call(), xt.era(), xt.nonce(), xt.tip(), specVersion, 1, genesis(),
                eraHash);
        if (!Ed25519.verify(xt.signer().publicKey(), payload, xt.signature())) {
            throw new RpcError(1010, "Invalid Transaction", "Transaction has a bad signature");
        }
        long expected = nonce(xt.signer());
        if (xt.nonce() < expected) {
            throw new RpcError(1010, "Invalid Transaction", "Transaction is outdated");
        }
        if (xt.nonce() > expected) {
            throw new RpcError(1010, "Invalid Transaction", "Transaction will be valid in the future");
        }
        return xt;
    }

    private H256 include(Extrinsic xt) {
        nonces.put(xt.signer(), xt.nonce() + 1);
        writeAccount(xt.signer());
        included.add(xt);
        List<EventRecord> events = new ArrayList<>();
        ScaleReader call = new ScaleReader(xt.call());
        int pallet = call.u8();
        int index = call.u8();
        int[] failed = null;
        if (pallet == BALANCES && (index == 0 || index == 3)) {
            call.u8();
            byte[] dest = call.bytes(32);
            BigInteger value = call.compactU128();
            failed = value.compareTo(SPENDABLE) > 0 ? new int[] {BALANCES, 2} : null;
            if (failed == null) {
                events.add(event(BALANCES, 2, new ScaleWriter().bytes(xt.signer().publicKey()).bytes(dest).u128(value)));
            }
        }
        if (pallet == RESOURCE_ORDER && index == 2) {
            ResourceOrderCall.CreateOrder c = (ResourceOrderCall.CreateOrder) ResourceOrderCall.decode(index, call);
            ScaleWriter fields = new ScaleWriter();
            new ResourceOrderEvent.OrderCreated(0, xt.signer(), AccountId.of(new byte[32]), c.resource(), c.hours(),
                    BigInteger.valueOf(1000), c.sshPublicKey()).encodeFields(fields);
            events.add(event(RESOURCE_ORDER, 2, fields));
        }
        if (pallet == RESOURCE_ORDER && index == 4) {
            failed = new int[] {RESOURCE_ORDER, ResourceOrderError.NotResourceOwner.index()};
        }
        events.add(event(TX_PAYMENT, 0, new ScaleWriter().bytes(xt.signer().publicKey()).u128(BigInteger.valueOf(1000))
                .u128(xt.tip())));
        ScaleWriter info = new ScaleWriter().compact(100_000).compact(0).u8(0).u8(0);
        if (failed != null) {
            events.add(event(SYSTEM, 1, new ScaleWriter().u8(3).u8(failed[0]).u8(failed[1]).u8(0).u8(0).u8(0)
                    .bytes(info.toByteArray())));
        } else {
            events.add(event(SYSTEM, 0, info));
        }
        return seal(List.of(xt.encoded()), events, List.of());
    }

    private static EventRecord event(int pallet, int index, ScaleWriter fields) {
        return new EventRecord(EventRecord.Phase.APPLY_EXTRINSIC, 0, pallet, index, fields.toByteArray(), List.of());
    }

    private H256 seal(List<byte[]> xts, List<EventRecord> events, List<byte[]> digest) {
        long number = blocks.size();
        H256 parent = number == 0 ? H256.ZERO : best().hash;
        H256 root = H256.of(Blake2b.hash256(new ScaleWriter().u64(number).toByteArray()));
        Header h = new Header(parent, number, root, H256.ZERO, digest);
        byte[] raw = EventRecords.encode(events);
        Block b = new Block(h, h.hash(), List.copyOf(xts), raw);
        blocks.add(b);
        byHash.put(b.hash, b);
        storage.put(Bytes.of(EVENTS), raw);
        for (Sub s : List.copyOf(subs.values())) {
            switch (s.kind) {
                case "chain_newHead", "chain_finalizedHead" -> notify(s, header(h));
                case "state_storage" -> notifyStorage(s, b.hash);
                default -> { }
            }
        }
        return b.hash;
    }

    private void writeAccount(AccountId who) {
        byte[] info = new ScaleWriter().u32(nonces.getOrDefault(who, 0L)).u32(0).u32(1).u32(0).u128(SPENDABLE)
                .u128(BigInteger.ZERO).u128(BigInteger.ZERO).u128(BigInteger.ONE.shiftLeft(127)).toByteArray();
        storage.put(Bytes.of(SystemStorage.ACCOUNT.key(who)), info);
    }

    private Sub subscribe(MiniWsServer.Conn conn, long id, String kind, List<byte[]> keys) {
        Sub s = new Sub("sub-" + (++nextSub), kind, conn, keys);
        subs.put(s.id, s);
        reply(conn, id, text(s.id));
        return s;
    }

    private void notifyStorage(Sub s, H256 block) {
        ObjectNode change = JSON.createObjectNode().put("block", block.hex());
        ArrayNode list = change.putArray("changes");
        for (byte[] k : s.keys) {
            byte[] v = storage.get(Bytes.of(k));
            ArrayNode pair = list.addArray().add(Hex.encode(k));
            if (v == null) {
                pair.addNull();
            } else {
                pair.add(Hex.encode(v));
            }
        }
        notify(s, change);
    }

    private void notify(Sub s, JsonNode result) {
        ObjectNode params = JSON.createObjectNode().put("subscription", s.id);
        params.set("result", result);
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", s.kind);
        msg.set("params", params);
        if (!s.conn.send(msg.toString())) {
            subs.remove(s.id);
        }
    }

    private static void reply(MiniWsServer.Conn conn, long id, JsonNode result) {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id);
        msg.set("result", result);
        conn.send(msg.toString());
    }

    private Block best() {
        return blocks.get(blocks.size() - 1);
    }

    private JsonNode runtimeVersion() {
        ObjectNode v = JSON.createObjectNode().put("specName", "hamster").put("implName", "hamster-karaf")
                .put("authoringVersion", 1).put("specVersion", specVersion).put("implVersion", 1);
        v.putArray("apis").addArray().add("0xdf6acb689907609b").add(4);
        return v.put("transactionVersion", 1).put("stateVersion", 1);
    }

    private static JsonNode header(Header h) {
        ObjectNode n = JSON.createObjectNode().put("parentHash", h.parentHash().hex())
                .put("number", "0x" + Long.toHexString(h.number())).put("stateRoot", h.stateRoot().hex())
                .put("extrinsicsRoot", h.extrinsicsRoot().hex());
        ArrayNode logs = n.putObject("digest").putArray("logs");
        h.digest().forEach(d -> logs.add(Hex.encode(d)));
        return n;
    }

    private static JsonNode text(String s) {
        return JSON.valueToTree(s);
    }

    private static final class RpcError extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        final String data;

        RpcError(int code, String message, String data) {
            super(message);
            this.code = code;
            this.data = data;
        }
    }
}
