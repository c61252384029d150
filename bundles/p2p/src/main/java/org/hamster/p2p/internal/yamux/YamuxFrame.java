package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Yamux framing (yamux spec): a 12-byte big-endian header of version (0), type, flags, stream id and length.
 * The length is the payload size of data frames, the window delta of window updates, the opaque value of pings
 * and the error code of go-aways.
 */
final class YamuxFrame {
    static final int HEADER = 12;
    static final int VERSION = 0;
    static final int DATA = 0;
    static final int WINDOW_UPDATE = 1;
    static final int PING = 2;
    static final int GO_AWAY = 3;
    static final int SYN = 1;
    static final int ACK = 2;
    static final int FIN = 4;
    static final int RST = 8;
    static final int GO_AWAY_NORMAL = 0;
    static final int GO_AWAY_PROTOCOL_ERROR = 1;
    static final int GO_AWAY_INTERNAL_ERROR = 2;
    /** The window every stream starts with. */
    static final int INITIAL_WINDOW = 256 * 1024;

    private YamuxFrame() {
    }

    static ByteBuf header(ByteBufAllocator alloc, int type, int flags, long streamId, long length) {
        ByteBuf h = alloc.buffer(HEADER);
        h.writeByte(VERSION).writeByte(type).writeShort(flags).writeInt((int) streamId).writeInt((int) length);
        return h;
    }

    static String describe(int type, int flags, long streamId, long length) {
        String[] names = {"DATA", "WINDOW_UPDATE", "PING", "GO_AWAY"};
        String t = type < names.length ? names[type] : "type " + type;
        StringBuilder f = new StringBuilder();
        if ((flags & SYN) != 0) {
            f.append("|SYN");
        }
        if ((flags & ACK) != 0) {
            f.append("|ACK");
        }
        if ((flags & FIN) != 0) {
            f.append("|FIN");
        }
        if ((flags & RST) != 0) {
            f.append("|RST");
        }
        return t + f + " stream " + streamId + " length " + length;
    }
}
