package dev.foresight.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The structural fingerprint behind the static-state watch. */
class StaticStateTest {

    @Test
    void fingerprint_isEqualForEqualContentWhateverTheIdentity() {
        Map<String, List<Double>> a = new HashMap<>(Map.of("x", new ArrayList<>(List.of(1.0, 2.0)), "y", List.of()));
        Map<String, List<Double>> b = new HashMap<>();
        b.put("y", new ArrayList<>());
        b.put("x", List.of(1.0, 2.0));
        assertEquals(StaticState.fingerprint(a), StaticState.fingerprint(b));
        assertEquals(StaticState.fingerprint(new double[] {1, 2}), StaticState.fingerprint(new double[] {1, 2}));
    }

    @Test
    void fingerprint_changesWhenAMapGrowsAnArrayIsWrittenOrACounterMoves() {
        Map<Double, Double> memory = new HashMap<>();
        long empty = StaticState.fingerprint(memory);
        memory.put(0.5, 1.0);
        assertNotEquals(empty, StaticState.fingerprint(memory));
        double[] table = {1, 2, 3};
        long before = StaticState.fingerprint(table);
        table[1] = 2.5;
        assertNotEquals(before, StaticState.fingerprint(table));
        AtomicLong calls = new AtomicLong();
        long zero = StaticState.fingerprint(calls);
        calls.incrementAndGet();
        assertNotEquals(zero, StaticState.fingerprint(calls));
    }

    @Test
    void fingerprint_ofACyclicStructureTerminates() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        StaticState.fingerprint(loop);
    }
}
