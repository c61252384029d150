package org.hamster.metadata.internal;

import org.hamster.codec.ScaleException;
import org.hamster.metadata.PortableRegistry;
import org.hamster.metadata.TypeDef;

/** The store word of a bit sequence: u8, u16, u32 or u64. */
final class BitStore {
    private BitStore() {
    }

    static int bytes(PortableRegistry registry, int storeType) {
        if (registry.type(storeType).def() instanceof TypeDef.Primitive p) {
            switch (p.kind()) {
                case U8:
                    return 1;
                case U16:
                    return 2;
                case U32:
                    return 4;
                case U64:
                    return 8;
                default:
                    break;
            }
        }
        throw new ScaleException("bit sequence store type " + storeType + " is not u8, u16, u32 or u64");
    }
}
