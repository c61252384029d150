package org.hamster.chain;

import java.util.List;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.Blake2b;

/**
 * A block header as Substrate encodes it; {@code digest} holds the SCALE-encoded DigestItems.
 * The block hash is blake2b-256 of the encoded header.
 */
public record Header(H256 parentHash, long number, H256 stateRoot, H256 extrinsicsRoot, List<byte[]> digest) {
    public static final Codec<Header> CODEC = Codecs.of(Header::encode, Header::decode);

    public Header {
        digest = List.copyOf(digest);
        if (number < 0 || number > 0xffffffffL) {
            throw new IllegalArgumentException("block number out of u32 range: " + number);
        }
    }

    private static void encode(ScaleWriter w, Header h) {
        H256.CODEC.encode(w, h.parentHash);
        w.compact(h.number);
        H256.CODEC.encode(w, h.stateRoot);
        H256.CODEC.encode(w, h.extrinsicsRoot);
        w.compact(h.digest.size());
        h.digest.forEach(w::bytes);
    }

    private static Header decode(ScaleReader r) {
        H256 parent = H256.CODEC.decode(r);
        long number = r.compactLong();
        if (number > 0xffffffffL) {
            throw new org.hamster.codec.ScaleException("block number out of u32 range");
        }
        H256 state = H256.CODEC.decode(r);
        H256 xts = H256.CODEC.decode(r);
        List<byte[]> digest = r.vec(DigestItems::readRaw);
        return new Header(parent, number, state, xts, digest);
    }

    public byte[] encoded() {
        return CODEC.encode(this);
    }

    public H256 hash() {
        return H256.of(Blake2b.hash256(encoded()));
    }
}
