package org.hamster.pallet.timestamp;

import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleWriter;

/** pallet_timestamp calls, with Substrate's call indices. */
public sealed interface TimestampCall extends Call {
    /** The inherent every block starts with: the block's time in ms since the epoch. */
    record Set(long now) implements TimestampCall {
        public Set {
            if (now < 0) {
                throw new IllegalArgumentException("timestamp must not be negative");
            }
        }

        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.compact(now);
        }
    }
}
