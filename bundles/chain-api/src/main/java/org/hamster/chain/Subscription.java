package org.hamster.chain;

/** A live subscription; closing it stops further callbacks. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
