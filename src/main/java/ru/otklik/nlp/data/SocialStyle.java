package ru.otklik.nlp.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import ru.otklik.nlp.text.TextNormalizer;

/**
 * Rewrites a formal text (a portal appeal, a news paragraph) the way residents write in VK, OK and Telegram,
 * deterministically (every choice is drawn from CRC32 of the text's id), so a model sees the same content in
 * both styles and cannot tell an incident by its style: greeting and formal opening removed, cut to one or two
 * sentences, then, each with its own probability, lower case, a VK mention {@code [club…|…],} or an
 * {@code @handle} in front, an emoji, a typo, a photo link, no punctuation. Pure.
 */
public final class SocialStyle {

    private static final Pattern GREETING = Pattern.compile(
            "^\\s*((здравствуйте|добрый (день|вечер|утро)|доброго времени суток|приветствую|уважаем\\p{L}*"
                    + "( [\\p{Lu}][\\p{L}.]*){0,4})[\\s,.!:;-]*)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[.,;:!«»\"()—–]+");
    private static final String[] MENTIONS = {"[club71524|Администрация города], ", "[club187712|Администрация Тулы], ",
            "[public55|Управа района], ", "[club12|Типичный район], ", "@adm_tula ", "@gubernator ", "@glava_goroda ",
            "[id4412|Алексей Дюмин], "};
    private static final String[] EMOJI = {" 😡", " 🤬", " 😢", "!!!", " 🙏", " 👎", " 😤😤", " ((("};
    private static final String[] PHOTOS = {" https://vk.com/photo-71524_456239117", " vk.com/photo-1_457",
            " https://t.me/tula_chat/1234", " фото в комментах"};

    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * Social-post rewrites of the chosen texts, same label, id {@code <id>#social}; at most {@code cap} on the
     * training side, the dev side rewritten too (a dev view, never trained on).
     */
    public Split informal(Split formal, java.util.function.Predicate<LabeledText> which, int cap) {
        java.util.function.Function<List<LabeledText>, List<LabeledText>> rewrite = list -> list.stream()
                .filter(which)
                .map(t -> new LabeledText(t.id() + "#social", rewrite(t.id(), t.text()), t.label())).toList();
        return new Split(LabeledTexts.sample(rewrite.apply(formal.train()), cap), rewrite.apply(formal.dev()));
    }

    /** The social-post version of {@code text}; {@code id} seeds every choice. */
    public String rewrite(String id, String text) {
        long seed = crc(id);
        String clean = normalizer.normalize(text).clean();
        String body = GREETING.matcher(clean).replaceFirst("");
        List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(body.strip())));
        sentences.removeIf(s -> s.isBlank());
        if (sentences.isEmpty()) {
            return clean;
        }
        int take = (seed & 1) == 0 ? 1 : 2;
        // a long appeal often opens with context and asks at the end: keep the last sentence then
        boolean tail = ((seed >> 1) & 3) == 0 && sentences.size() > take;
        List<String> kept = tail ? sentences.subList(sentences.size() - take, sentences.size())
                : sentences.subList(0, Math.min(take, sentences.size()));
        String out = String.join(" ", kept);
        if (out.length() > 280) {
            out = out.substring(0, out.lastIndexOf(' ', 280) > 0 ? out.lastIndexOf(' ', 280) : 280);
        }
        if (chance(seed, 4, 3)) {
            out = out.toLowerCase(Locale.ROOT);
        }
        if (chance(seed, 8, 2)) {
            out = PUNCTUATION.matcher(out).replaceAll(" ").replaceAll("\\s+", " ").strip();
        }
        if (chance(seed, 11, 2)) {
            out = typo(out, seed);
        }
        if (chance(seed, 14, 1)) {
            out = out + EMOJI[(int) ((seed >>> 17) % EMOJI.length)];
        }
        if (chance(seed, 20, 1)) {
            out = out + PHOTOS[(int) ((seed >>> 23) % PHOTOS.length)];
        }
        if (chance(seed, 26, 1)) {
            out = MENTIONS[(int) ((seed >>> 29) % MENTIONS.length)] + out;
        }
        return out;
    }

    /** True with probability {@code quarters}/4, from two bits of the seed at {@code bit}. */
    private static boolean chance(long seed, int bit, int quarters) {
        return ((seed >>> bit) & 3) < quarters;
    }

    /** Swaps two neighbouring letters of one longer word, as a fast thumb does. */
    private static String typo(String s, long seed) {
        Matcher m = Pattern.compile("\\p{L}{6,}").matcher(s);
        List<int[]> words = new ArrayList<>();
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        if (words.isEmpty()) {
            return s;
        }
        int[] w = words.get((int) ((seed >>> 33) % words.size()));
        int at = w[0] + 1 + (int) ((seed >>> 40) % (w[1] - w[0] - 2));
        char[] c = s.toCharArray();
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        return new String(c);
    }

    private static long crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        long v = c.getValue();
        // spread the 32 bits over 64 so that every choice above reads different bits
        return v | (Long.rotateLeft(v * 0x9E3779B97F4A7C15L, 32) & 0xFFFFFFFF00000000L);
    }
}
