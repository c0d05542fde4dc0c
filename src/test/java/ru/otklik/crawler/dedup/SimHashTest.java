package ru.otklik.crawler.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.otklik.nlp.data.Csv;

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

    /**
     * Hashes already stored must still match: {@link SimHash#fingerprint} hashes as the words split by regular
     * expressions did (the definition the hashes were first computed by, kept here as the reference), on texts
     * chosen to trip a hand-written scanner, on random texts, and on every Kursk appeal when ../shared is there.
     */
    @Test
    void oneScanHashesAsTheSplitWords() throws Exception {
        List<String> texts = new ArrayList<>(List.of(ORIGINAL, "Ёлка — 2 шт. на ул. Мира, д. 5; «Тула»!", "", "один",
                "Репост: " + ORIGINAL + " https://vk.com/wall-1_2 #Тула 😀", "смотриhttp://x.ru/a?b=1 тут",
                "http:// и www. без адреса, https://\tтоже", "WWW.Example.COM/путь и HTTPS://VK.COM", "xwww.a.b c",
                "İstanbul ΟΔΟΣ ΣΑΣ Σ", "٣٤ ১২ 𝟘𝟙 𝒜𝒷𝒸 ⅻ ²", "a\u000Bb\fc\u00A0d\u2003e", "\uD800 lone \uDC00 surrogates",
                "ёЁё ЁЖИК ёж", "httpS://A https://b", "www.www.x y", "   ", "1 2 3 4 5 6 7 8 9 10"));
        Random random = new Random(11);
        String alphabet = "aZ9 .,:/ёЁЕеЖжİΣσς😀\t\n\u00A0٣-_wwwhttps://";
        for (int t = 0; t < 2_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            texts.add(b.toString());
        }
        Path kursk = Path.of(System.getProperty("otklik.shared", "../shared"),
                "datasets/kursk-citizen-appeals/train_dataset_train.csv");
        if (Files.isRegularFile(kursk)) {
            Csv.read(kursk, ',').forEach(row -> texts.add(row.getOrDefault("Текст Сообщения", "")));
        }
        for (String text : texts) {
            List<String> words = splitWords(text);
            SimHash.Fingerprint fingerprint = SimHash.fingerprint(text);
            assertEquals(hashOfJoinedRuns(words), fingerprint.hash(), text);
            assertEquals(String.join(" ", words).length(), fingerprint.normalisedLength(), text);
        }
    }

    /** The words as first defined: lower-cased, ё folded to е, links blanked, split on non-letters and non-digits. */
    private static List<String> splitWords(String text) {
        String plain = Pattern.compile("https?://\\S+|www\\.\\S+")
                .matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ");
        return Arrays.stream(plain.split("[^\\p{L}\\p{Nd}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Every word and every pair of words (joined by a space) votes with its hash. */
    private static long hashOfJoinedRuns(List<String> words) {
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
        return joined;
    }
}
