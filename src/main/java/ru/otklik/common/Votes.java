package ru.otklik.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Picks the value named most often; a tie goes to the value named first. */
public final class Votes {

    private Votes() {
    }

    public static Optional<String> winner(List<String> inOrder) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        inOrder.forEach(v -> counts.merge(v, 1, Integer::sum));
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
