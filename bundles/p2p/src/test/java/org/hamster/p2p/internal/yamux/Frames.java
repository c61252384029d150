package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.hamster.p2p.testing.Wire;

/** Builds Yamux frames for a test peer and parses what a session wrote. */
final class Frames {
    record Frame(int type, int flags, long id, long length, byte[] payload) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private Frames() {
    }

    static ByteBuf header(int type, int flags, long id, long length) {
        return Unpooled.buffer(12).writeByte(0).writeByte(type).writeShort(flags).writeInt((int) id)
                .writeInt((int) length);
    }

    static ByteBuf data(int flags, long id, byte[] payload) {
        return header(YamuxFrame.DATA, flags, id, payload.length).writeBytes(payload);
    }

    static ByteBuf window(int flags, long id, long delta) {
        return header(YamuxFrame.WINDOW_UPDATE, flags, id, delta);
    }

    /** Parses and removes every frame the channel wrote. */
    static List<Frame> written(EmbeddedChannel ch) {
        ByteBuf all = Wire.drainOutbound(ch);
        List<Frame> out = new ArrayList<>();
        while (all.readableBytes() >= 12) {
            all.skipBytes(1);
            int type = all.readUnsignedByte();
            int flags = all.readUnsignedShort();
            long id = all.readUnsignedInt();
            long length = all.readUnsignedInt();
            byte[] payload = new byte[type == YamuxFrame.DATA ? (int) length : 0];
            all.readBytes(payload);
            out.add(new Frame(type, flags, id, length, payload));
        }
        all.release();
        return out;
    }

    static long dataBytes(List<Frame> frames, long id) {
        return frames.stream().filter(f -> f.type() == YamuxFrame.DATA && f.id() == id).mapToLong(Frame::length).sum();
    }
}
