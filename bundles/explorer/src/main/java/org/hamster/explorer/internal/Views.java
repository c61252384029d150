package org.hamster.explorer.internal;

import java.util.List;
import java.util.Map;

/** The JSON answers of the explorer API (amounts as token text like "1.5 HAM", times as ISO-8601). */
public final class Views {
    private Views() {
    }

    /** GET /chain/info. */
    public record ChainInfo(String chain, String genesisHash, long bestNumber, String bestHash, String specName,
            long specVersion, String tokenSymbol, int tokenDecimals, int ss58Format) {
    }

    /** One block of GET /chain/blocks: counts of its extrinsics and events. */
    public record BlockSummary(long number, String hash, String parentHash, String timestamp, int extrinsics, int events) {
    }

    /** GET /chain/blocks/{number|hash}. */
    public record Block(long number, String hash, String parentHash, String stateRoot, String extrinsicsRoot,
            String timestamp, List<Extrinsic> extrinsics, List<Event> events) {
    }

    /**
     * One extrinsic of a block. {@code signer} and {@code nonce} are null for inherents; {@code success} is null
     * when the block's events do not tell; {@code error} names the dispatch error of a failed one.
     */
    public record Extrinsic(int index, String hash, String signer, Long nonce, String pallet, String call,
            Map<String, Object> args, Boolean success, String error) {
    }

    /**
     * One event of a block. {@code extrinsic} is the index of the extrinsic that emitted it, null for those of the
     * block's initialization and finalization ({@code phase}).
     */
    public record Event(int index, Integer extrinsic, String phase, String pallet, String name, Map<String, Object> fields) {
    }

    /** GET /chain/accounts/{address}. */
    public record Account(String address, long nonce, String free, String reserved, String frozen) {
    }

    /** GET /roles: what this instance runs, so that the UI shows only its pages. */
    public record Roles(boolean node, boolean gateway, boolean provider, boolean client, String chainUrl) {
    }
}
