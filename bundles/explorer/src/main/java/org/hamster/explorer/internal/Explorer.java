package org.hamster.explorer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.client.AccountInfo;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.codec.ScaleException;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.hamster.metadata.MetadataV14;
import org.hamster.metadata.MetadataV14Reader;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.hamster.rest.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer's queries over one chain client: requests run concurrently, each answer waits at most
 * {@link #TIMEOUT_SECONDS}. Bad input is 400, an unknown block 404, a node that does not answer 503 and a node
 * that answers nonsense 502 (all {@link ApiException}).
 */
final class Explorer {
    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    static final long TIMEOUT_SECONDS = 15;
    private static final long MAX_BLOCK_NUMBER = 0xffffffffL;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);
    private static final List<byte[]> BLOCK_KEYS = List.of(TimestampStorage.NOW.key(), SystemStorage.EVENTS.key());

    private final ChainClient chain;
    private final MetadataCache metadata;

    Explorer(ChainClient chain) {
        this(chain, new MetadataCache());
    }

    Explorer(ChainClient chain, MetadataCache metadata) {
        this.chain = chain;
        this.metadata = metadata;
    }

    Views.ChainInfo info() {
        CompletableFuture<String> name = chain.call("system_chain").thenApply(n -> n.asText());
        var genesis = chain.genesisHash();
        var best = chain.bestHeader();
        var version = chain.runtimeVersion();
        var properties = chain.systemProperties();
        Header head = await(best);
        return new Views.ChainInfo(await(name), await(genesis).hex(), head.number(), head.hash().hex(),
                await(version).specName(), await(version).specVersion(), await(properties).tokenSymbol(),
                await(properties).tokenDecimals(), await(properties).ss58Format());
    }

    /** Up to {@code count} blocks below {@code before} (default: from the best block), newest first. */
    List<Views.BlockSummary> blocks(String count, String before) {
        int n = count == null || count.isBlank() ? DEFAULT_COUNT : (int) number(count, "count", 1, MAX_COUNT);
        long best = await(chain.bestHeader()).number();
        long top = before == null || before.isBlank() ? best
                : Math.min(best, number(before, "before", 0, MAX_BLOCK_NUMBER + 1) - 1);
        List<CompletableFuture<Optional<RawBlock>>> pending = new ArrayList<>();
        for (long number = top; number >= 0 && number > top - n; number--) {
            pending.add(chain.blockHash(number).thenCompose(h -> h.isPresent() ? block(h.get())
                    : CompletableFuture.completedFuture(Optional.empty())));
        }
        List<Views.BlockSummary> out = new ArrayList<>(pending.size());
        for (var block : pending) {
            await(block).ifPresent(b -> out.add(b.summary()));
        }
        return out;
    }

    /** The block with that number or 0x-hash, its extrinsics and events decoded. */
    Views.Block block(String id) {
        var properties = chain.systemProperties();
        H256 hash;
        if (id != null && HASH.matcher(id).matches()) {
            hash = H256.fromHex(id);
        } else if (id != null && NUMBER.matcher(id).matches() && Long.parseLong(id) <= MAX_BLOCK_NUMBER) {
            hash = await(chain.blockHash(Long.parseLong(id))).orElseThrow(() -> ApiException.notFound("not-found",
                    "there is no block " + id + " yet; the best block is " + await(chain.bestHeader()).number()));
        } else {
            throw ApiException.badRequest("bad-request", "a block is a number (0 to " + MAX_BLOCK_NUMBER
                    + ") or a 0x-prefixed hash of 64 hex digits, not '" + id + "'");
        }
        RawBlock block = await(block(hash)).orElseThrow(() -> ApiException.notFound("not-found",
                "the node knows no block " + hash.hex()));
        return block.view(chain.layout(), new Decoder(metadata(hash), chain.layout(), Tokens.of(await(properties))));
    }

    /**
     * The metadata of the runtime of block {@code at} ({@code state_getRuntimeVersion}, then
     * {@code state_getMetadata} once per spec version); null when the node serves none that this explorer reads
     * (its calls and events are then shown raw). 503 while the node does not answer.
     */
    private MetadataV14 metadata(H256 at) {
        try {
            long specVersion = await(chain.call("state_getRuntimeVersion", at.hex())).path("specVersion").asLong(-1);
            MetadataV14 known = metadata.get(chain, specVersion);
            if (known != null) {
                return known;
            }
            MetadataV14 fetched = MetadataV14Reader.read(Hex.decode(await(chain.call("state_getMetadata", at.hex()))
                    .asText()));
            if (specVersion >= 0) {
                metadata.put(chain, specVersion, fetched);
            }
            return fetched;
        } catch (ApiException e) {
            if (e.status() == 503) {
                throw e;
            }
            LOG.debug("No metadata for block {}: {}", at.hex(), e.getMessage());
            return null;
        } catch (ScaleException | IllegalArgumentException e) {
            LOG.debug("Unreadable metadata for block {}: {}", at.hex(), e.getMessage());
            return null;
        }
    }

    /** An account's nonce and balances (an account that does not exist has none). */
    Views.Account account(String address) {
        AccountId id;
        try {
            id = AccountId.parse(address);
        } catch (HamsterException | RuntimeException e) {
            throw ApiException.badRequest("bad-request", "'" + address + "' is not an SS58 address or a 0x-prefixed "
                    + "32-byte public key: " + e.getMessage());
        }
        var properties = chain.systemProperties();
        AccountInfo info = await(chain.account(id));
        Tokens tokens = Tokens.of(await(properties));
        return new Views.Account(id.ss58(), info.nonce(), tokens.format(info.free()), tokens.format(info.reserved()),
                tokens.format(info.frozen()));
    }

    /** The block's parts, once the node confirmed it knows the block (reads at unknown blocks fail). */
    private CompletableFuture<Optional<RawBlock>> block(H256 hash) {
        return chain.header(hash).thenCompose(header -> {
            if (header.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            var body = chain.blockBody(hash);
            var values = chain.queryStorage(BLOCK_KEYS, hash);
            return body.thenCombine(values, (b, v) -> b.map(extrinsics -> new RawBlock(hash, header.get(),
                    extrinsics, v.get(0).orElse(null), v.get(1).orElse(null))));
        });
    }

    /** A decimal number from {@code min} to {@code max}, else 400 naming the parameter. */
    private static long number(String text, String name, long min, long max) {
        String t = text.strip();
        long value = NUMBER.matcher(t).matches() ? Long.parseLong(t) : -1;
        if (value < min || value > max) {
            throw ApiException.badRequest("bad-request", name + " must be a number from " + min + " to " + max
                    + ", not '" + text + "'");
        }
        return value;
    }

    /** The answer of the node: 503 if it does not come in time or the link is down, 502 if the node failed. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return ChainClient.await(future.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ChainClientException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new ApiException(503, "chain-unavailable", "the node did not answer within " + TIMEOUT_SECONDS
                        + " s", e);
            }
            throw e.code() == ErrorCode.UNAVAILABLE
                    ? new ApiException(503, "chain-unavailable", "the node is unreachable: " + e.getMessage(), e)
                    : new ApiException(502, "chain-error", "the node failed: " + e.getMessage(), e);
        }
    }
}
