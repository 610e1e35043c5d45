package dev.foresight.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Did you mean" suggestions, checked against hand-counted edit distances. */
class SuggestionsTest {

    @Test
    void distance_countsASwapOfAdjacentLettersAsOneEdit() {
        assertEquals(1, Suggestions.distance("clsoe", "close"));
        assertEquals(0, Suggestions.distance("close", "close"));
        assertEquals(1, Suggestions.distance("clos", "close"));      // one insertion
        assertEquals(1, Suggestions.distance("clese", "close"));     // one substitution
        assertEquals(3, Suggestions.distance("kitten", "sitting"));  // the textbook Levenshtein example
        assertEquals(3, Suggestions.distance("ca", "abc"));          // OSA: a swapped pair is not edited again (Damerau: 2)
    }

    @Test
    void closest_suggestsForATransposedTypo() {
        List<String> headers = List.of("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume");
        assertEquals(Optional.of("Close"), Suggestions.closest("Clsoe", headers));
        assertEquals(Optional.of("walk_forward"), Suggestions.closest("walk_forawrd", List.of("walk_forward", "window")));
        assertEquals(Optional.empty(), Suggestions.closest("Price", headers));
    }
}
