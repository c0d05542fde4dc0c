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
}
