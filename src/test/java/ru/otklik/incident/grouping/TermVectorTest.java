package ru.otklik.incident.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermVectorTest {

    @Test
    void postsShareTheirStemsInsteadOfHoldingACopyEach() {
        TermVector first = TermVector.of("Огромная яма на дороге у школы");
        TermVector second = TermVector.of("Ямы на дорогах не засыпают");
        String stem = first.counts().keySet().stream().filter(second.counts()::containsKey).findFirst().orElseThrow();
        // the grouping caches hold thousands of posts' bags: one String per stem, not one per stem and post
        String same = second.counts().keySet().stream().filter(stem::equals).findFirst().orElseThrow();
        assertSame(stem, same);
    }

    @Test
    void cosineIsTheSameWhicheverBagIsWalkedAndMatchesTheHandComputedValue() {
        TermVector post = new TermVector(Map.of("ям", 1, "дорог", 1));
        TermVector incident = new TermVector(Map.of("ям", 3, "дорог", 1, "асфальт", 2, "лен", 1));
        // dot = 1·3 + 1·1 = 4; |post| = √2; |incident| = √(9 + 1 + 4 + 1) = √15
        double expected = 4 / (Math.sqrt(2) * Math.sqrt(15));
        assertEquals(expected, post.cosine(incident), 1e-12);
        assertEquals(expected, incident.cosine(post), 1e-12);
    }

    @Test
    void aSumKeepsItsOwnNormAndAnEmptyBagIsLikeNothing() {
        TermVector sum = new TermVector(Map.of("ям", 1)).plus(new TermVector(Map.of("ям", 1, "двор", 2)));
        assertEquals(new TermVector(Map.of("ям", 2, "двор", 2)), sum);
        assertEquals(1.0, sum.cosine(new TermVector(Map.of("ям", 5, "двор", 5))), 1e-12);
        assertEquals(0.0, sum.cosine(TermVector.EMPTY));
        assertEquals(0.0, TermVector.EMPTY.cosine(sum));
    }

    @Test
    void aSumOfManyBagsIsTheFoldOfTheirPairwiseSums() {
        TermVector a = new TermVector(Map.of("ям", 1, "двор", 2));
        TermVector b = new TermVector(Map.of("ям", 3, "лен", 1));
        TermVector c = new TermVector(Map.of("асфальт", 4));
        assertEquals(new TermVector(Map.of("ям", 4, "двор", 2, "лен", 1, "асфальт", 4)), TermVector.sum(List.of(a, b, c)));
        assertEquals(a.plus(b).plus(c), TermVector.sum(List.of(c, b, a)));
        assertEquals(TermVector.EMPTY, TermVector.sum(List.of()));
    }
}
