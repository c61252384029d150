package org.hamster.provider;

import java.util.List;

/**
 * A management call the chain included.
 *
 * @param blockNumber the block it is in
 * @param blockHash that block's hash (0x hex)
 * @param events the market events it caused, as text
 */
public record ActionResult(long blockNumber, String blockHash, List<String> events) {
    public ActionResult {
        events = List.copyOf(events);
    }
}
