package ru.otklik.crawler.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.otklik.nlp.data.Csv;

/** The batch's pairs found through the bands are exactly those a comparison of every pair finds. */
class BatchPairsTest {

    private static final long DAY = 86_400_000L;
    private static final long WINDOW = 14 * DAY;

    @Test
    void aCopyWithOneBitChangedInEachOfSixBandsIsFoundAndOneOutsideTheWindowIsNot() {
        long original = SimHash.of("Во дворе дома 5 на улице Мира третий день не вывозят мусор, контейнеры переполнены");
        long sixBands = original;
        for (int b = 0; b < 6; b++) {
            sixBands ^= 1L << SimHash.shift(b);
        }
        long[] hashes = {original, sixBands, original, original ^ 0x7FL};
        long[] millis = {0, DAY, WINDOW + 1, 2 * DAY};
        int[][] pairs = BatchPairs.of(hashes, millis, WINDOW, 6);
        // the third is the same text but 14 days and 1 ms after the first; the fourth is 7 bits away
        assertArrayEquals(new int[] {1}, pairs[0]);
        assertArrayEquals(new int[] {0, 2}, pairs[1]);
        assertArrayEquals(new int[] {1}, pairs[2]);
        assertArrayEquals(new int[] {}, pairs[3]);
        assertEquals(6, SimHash.distance(original, sixBands));
    }

    @Test
    void theBandsFindWhatComparingEveryPairFinds() throws Exception {
        List<Long> texts = new ArrayList<>();
        Path kursk = Path.of(System.getProperty("otklik.shared", "../shared"),
                "datasets/kursk-citizen-appeals/train_dataset_train.csv");
        if (Files.isRegularFile(kursk)) {
            // real appeals when ../shared is there (skipped otherwise: random hashes below still run)
            Csv.read(kursk, ',').stream().limit(600).forEach(row -> texts.add(SimHash.of(row.getOrDefault("Текст Сообщения", ""))));
        }
        Random random = new Random(14);
        while (texts.size() < 600) {
            texts.add(random.nextLong());
        }
        for (int distance : new int[] {0, 3, 6, 9}) {
            // copies of the texts with up to 8 bits flipped, published within and beyond the window
            long[] hashes = new long[1_000];
            long[] millis = new long[hashes.length];
            for (int i = 0; i < hashes.length; i++) {
                long hash = texts.get(i < texts.size() ? i : random.nextInt(texts.size()));
                for (int flips = random.nextInt(9); flips > 0; flips--) {
                    hash ^= 1L << random.nextInt(64);
                }
                hashes[i] = hash;
                millis[i] = random.nextLong(40 * DAY);
            }
            int[][] pairs = BatchPairs.of(hashes, millis, WINDOW, distance);
            int found = 0;
            for (int i = 0; i < hashes.length; i++) {
                int a = i;
                int[] every = IntStream.range(0, hashes.length).filter(j -> j != a
                        && Math.abs(millis[a] - millis[j]) <= WINDOW
                        && SimHash.distance(hashes[a], hashes[j]) <= distance).toArray();
                assertArrayEquals(every, pairs[i], "post " + i + " at distance " + distance);
                found += every.length;
            }
            // 400 of the 1,000 copy one of the first 600: some of them are in each other's window and distance
            assertTrue(found > 0, "no pair at distance " + distance);
        }
    }
}
