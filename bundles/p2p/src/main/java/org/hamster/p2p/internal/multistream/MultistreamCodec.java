package org.hamster.p2p.internal.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.hamster.p2p.internal.Varint;
import org.hamster.p2p.internal.WireException;

/**
 * multistream-select 1.0 messages: a varint length, then UTF-8 text ending in a newline that the length counts.
 */
public final class MultistreamCodec {
    public static final String PROTOCOL_ID = "/multistream/1.0.0";
    public static final String NA = "na";
    public static final String LS = "ls";
    /** js-libp2p's limit for a protocol id; messages longer than this are refused. */
    public static final int MAX_MESSAGE = 1024;

    private MultistreamCodec() {
    }

    public static void write(ByteBuf out, String line) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        Varint.write(out, text.length + 1L);
        out.writeBytes(text);
        out.writeByte('\n');
    }

    public static ByteBuf encode(ByteBufAllocator alloc, String... lines) {
        ByteBuf out = alloc.buffer();
        for (String line : lines) {
            write(out, line);
        }
        return out;
    }

    /** The answer to "ls": one message holding a length-prefixed line per protocol, then a newline. */
    public static ByteBuf encodeList(ByteBufAllocator alloc, Collection<String> protocols) {
        ByteBuf inner = alloc.buffer();
        try {
            for (String p : protocols) {
                write(inner, p);
            }
            inner.writeByte('\n');
            ByteBuf out = alloc.buffer(inner.readableBytes() + Varint.MAX_BYTES);
            Varint.write(out, inner.readableBytes());
            out.writeBytes(inner);
            return out;
        } finally {
            inner.release();
        }
    }

    /**
     * The next message of {@code in} without its newline, or null when it is not complete yet (nothing consumed).
     * Throws {@link WireException} for oversized messages, a missing newline or text that is not UTF-8.
     */
    public static String read(ByteBuf in) {
        int start = in.readerIndex();
        long length = Varint.read(in);
        if (length < 0) {
            if (in.readableBytes() >= Varint.MAX_BYTES) {
                throw new WireException("multistream: malformed length");
            }
            return null;
        }
        if (length < 1 || length > MAX_MESSAGE) {
            throw new WireException("multistream: message length " + length + " outside 1.." + MAX_MESSAGE);
        }
        if (in.readableBytes() < length) {
            in.readerIndex(start);
            return null;
        }
        int n = (int) length;
        if (in.getByte(in.readerIndex() + n - 1) != '\n') {
            throw new WireException("multistream: message does not end with a newline");
        }
        byte[] text = new byte[n - 1];
        in.readBytes(text);
        in.skipBytes(1);
        String s = new String(text, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), text) || s.indexOf('\n') >= 0) {
            throw new WireException("multistream: message is not a single UTF-8 line");
        }
        return s;
    }
}
