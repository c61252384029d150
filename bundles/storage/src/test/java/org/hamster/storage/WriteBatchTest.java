package org.hamster.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WriteBatchTest {

    @Test
    void keepsOperationsInOrderAndCopiesArrays() {
        byte[] key = {1};
        byte[] value = {2};
        WriteBatch batch = new WriteBatch();
        assertTrue(batch.isEmpty());
        batch.put("a", key, value).delete("b", key).put("a", key, new byte[0]);
        key[0] = 9;
        value[0] = 9;

        assertFalse(batch.isEmpty());
        assertEquals(3, batch.size());
        List<WriteBatch.Op> ops = new ArrayList<>();
        batch.forEach(ops::add);
        assertEquals("a", ops.get(0).column());
        assertArrayEquals(new byte[] {1}, ops.get(0).key());
        assertArrayEquals(new byte[] {2}, ops.get(0).value());
        assertTrue(ops.get(1).isDelete());
        assertNull(ops.get(1).value());
        assertEquals("b", ops.get(1).column());
        assertFalse(ops.get(2).isDelete());
        assertEquals("WriteBatch[put a/0x01=0x02, delete b/0x01, put a/0x01=0x]", batch.toString());
    }

    @Test
    void rejectsNullsAndEmptyColumnNames() {
        WriteBatch batch = new WriteBatch();
        assertThrows(NullPointerException.class, () -> batch.put(null, new byte[0], new byte[0]));
        assertThrows(NullPointerException.class, () -> batch.put("a", null, new byte[0]));
        assertThrows(NullPointerException.class, () -> batch.put("a", new byte[0], null));
        assertThrows(NullPointerException.class, () -> batch.delete("a", null));
        assertThrows(IllegalArgumentException.class, () -> batch.delete("", new byte[0]));
        assertThrows(UnsupportedOperationException.class, () -> {
            batch.put("a", new byte[0], new byte[0]);
            batch.iterator().remove();
        });
        assertEquals(1, batch.size());
    }
}
