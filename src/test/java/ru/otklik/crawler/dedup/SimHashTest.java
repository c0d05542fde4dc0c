package ru.otklik.crawler.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String ORIGINAL = "Жители улицы Ленина в Туле третий день сидят без горячей воды. "
            + "Управляющая компания не отвечает на звонки, аварийная служба обещает приехать, но так и не приезжает. "
            + "Просим администрацию города вмешаться.";

    @Test
    void copiesAreCloseAndOtherTextsFar() {
        long a = SimHash.of(ORIGINAL);
        long copy = SimHash.of("Репост: " + ORIGINAL + " https://vk.com/wall-1_2 #Тула");
        long reworded = SimHash.of(ORIGINAL.replace("третий", "четвёртый"));
        long other = SimHash.of("В Новомосковске открыли новый детский сад на 220 мест, "
                + "в нём есть бассейн, спортивный зал и кабинет логопеда. Первые дети придут в сентябре.");
        assertTrue(SimHash.distance(a, copy) <= 6, "copy: " + SimHash.distance(a, copy));
        assertTrue(SimHash.distance(a, reworded) <= 12, "one word changed: " + SimHash.distance(a, reworded));
        assertTrue(SimHash.distance(a, other) > 15, "unrelated: " + SimHash.distance(a, other));
        assertEquals(a, SimHash.of(ORIGINAL.toUpperCase().replace('Е', 'Ё')), "case and ё do not matter");
    }

    @Test
    void bandsMatchTheSqlIndexExpressions() {
        long h = 0x8123_4567_89AB_CDEFL;
        assertEquals(h & 511, SimHash.band(h, 0));
        assertEquals((h >>> 9) & 511, SimHash.band(h, 1));
        assertEquals(h >>> 54, SimHash.band(h, 6), "the top band has 10 bits");
        // pigeonhole: any two hashes within distance 6 agree on at least one of the 7 bands
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            long x = random.nextLong();
            long y = x;
            for (int flips = 0; flips < 6; flips++) {
                y ^= 1L << random.nextInt(64);
            }
            long fx = x, fy = y;
            assertTrue(java.util.stream.IntStream.range(0, SimHash.BANDS).anyMatch(b -> SimHash.band(fx, b) == SimHash.band(fy, b)));
        }
    }

    /** Hashes already stored must still match: the streamed runs hash as the joined words always did. */
    @Test
    void streamedRunsHashAsTheJoinedWords() {
        for (String text : java.util.List.of(ORIGINAL, "Ёлка — 2 шт. на ул. Мира, д. 5; «Тула»!", "", "один",
                "Репост: " + ORIGINAL + " https://vk.com/wall-1_2 #Тула 😀")) {
            java.util.List<String> words = SimHash.words(text);
            int[] votes = new int[64];
            for (int run = 1; run <= SimHash.MAX_RUN; run++) {
                for (int i = 0; i + run <= words.size(); i++) {
                    long h = SimHash.hash(String.join(" ", words.subList(i, i + run)));
                    for (int bit = 0; bit < 64; bit++) {
                        votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
                    }
                }
            }
            long joined = 0;
            for (int bit = 0; bit < 64; bit++) {
                joined |= votes[bit] > 0 ? 1L << bit : 0;
            }
            assertEquals(joined, SimHash.of(text), text);
            assertEquals(String.join(" ", words).length(), SimHash.normalisedLength(text), text);
        }
    }
}
