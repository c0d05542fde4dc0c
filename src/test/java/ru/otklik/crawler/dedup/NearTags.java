package ru.otklik.crawler.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Random tags for the near-duplicate tests: a tag makes a test's text its own (no post of another test or run is
 * within its distance), and is drawn again until the test's copies of the text stay within the default distance of 6
 * of each other — a tag's words move SimHash bits at random, and a draw that pushed a copy past 6 made a test fail
 * now and then although linking worked (the tests are about linking, not SimHash).
 */
final class NearTags {

    private NearTags() {
    }

    /** A tag of {@code words} random words with which {@code text} and each of its {@code copies} are all near. */
    static String keepingCopiesNear(int words, UnaryOperator<String> text, List<UnaryOperator<String>> copies) {
        while (true) {
            StringBuilder tag = new StringBuilder();
            for (int w = 0; w < words; w++) {
                tag.append(w == 0 ? "" : " ").append("метка").append(UUID.randomUUID().toString().replace("-", ""));
            }
            String original = text.apply(tag.toString());
            List<Long> hashes = new ArrayList<>(List.of(SimHash.of(original)));
            copies.forEach(copy -> hashes.add(SimHash.of(copy.apply(original))));
            if (hashes.stream().allMatch(a -> hashes.stream().allMatch(b -> SimHash.distance(a, b) <= 6))) {
                return tag.toString();
            }
        }
    }
}
