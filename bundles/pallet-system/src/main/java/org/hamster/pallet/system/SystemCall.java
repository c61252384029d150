package org.hamster.pallet.system;

import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleWriter;

/** frame_system calls we support, with Substrate's call indices. */
public sealed interface SystemCall extends Call {
    record Remark(byte[] remark) implements SystemCall {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.vecBytes(remark);
        }
    }

    record RemarkWithEvent(byte[] remark) implements SystemCall {
        public int callIndex() {
            return 7;
        }

        public void encodeArgs(ScaleWriter w) {
            w.vecBytes(remark);
        }
    }
}
