package org.hamster.storage;

class MemoryKvStoreTest extends KvStoreContract {

    @Override
    protected KvStore createStore() {
        return new MemoryKvStore();
    }
}
