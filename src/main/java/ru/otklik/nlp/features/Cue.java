package ru.otklik.nlp.features;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whole-post cues ({@code k=} features) of how a resident writes to an authority as opposed to how news and
 * announcements are written: what the word and character n-grams see only one form at a time («уберите»,
 * «почините», «[club…|…],» at the start, a question mark at the end, a long first-person story). Only the
 * in-domain incident model learns them ({@code TrainingConfig.cues}); every other model's vocabulary leaves
 * them out, so adding them changed no other model.
 *
 * <p>Pure: decided from the folded text and its words, as {@link FeatureExtractor} walks it.
 */
public enum Cue {
    /** The post opens with an address: {@code [club1|Администрация],}, {@code [id5|Имя],} or {@code @user}. */
    ADDRESS_FIRST("address-first"),
    /** The post ends with a link (a photo or wall post sent with a short request). */
    LINK_LAST("link-last"),
    QUESTION("question"),
    QUESTION_LAST("question-last"),
    EXCLAMATION("exclamation"),
    /** A polite imperative («уберите», «сделайте»): a request to someone. */
    IMPERATIVE("imperative"),
    IMPERATIVE_FIRST("imperative-first"),
    /** «я», «мы», «у нас», «наш двор»: the writer is affected. */
    FIRST_PERSON("first-person"),
    FIRST_PERSON_LONG("first-person-long"),
    /** «вы», «ваш»: the post speaks to someone (an official, or a resident in an official reply). */
    SECOND_PERSON("second-person"),
    AUTHORITY("authority"),
    /** «до сих пор», «опять», «сколько можно»: a problem that lasts. */
    PERSISTS("persists"),
    /** Third-person reporting («сообщает», «по данным», «пресс-служба»): news voice. */
    REPORTING("reporting"),
    /** Three or more figures (dates, times, amounts): news and announcements. */
    FIGURES("figures"),
    THANKS("thanks"),
    WORDS_5("words-5"),
    WORDS_12("words-12"),
    WORDS_30("words-30"),
    WORDS_60("words-60"),
    WORDS_MORE("words-more");

    public static final String PREFIX = "k=";

    private static final Set<String> FIRST_PERSON_WORDS = Set.of("я", "мы", "мне", "меня", "мной", "нас", "нам",
            "нами", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашем", "нашу", "наших", "нашим", "мой", "моя",
            "мое", "мои", "моего", "моей", "моем", "мою", "моих", "моим", "моему");
    private static final Set<String> SECOND_PERSON_WORDS = Set.of("вы", "вас", "вам", "вами", "ваш", "ваша", "ваше",
            "ваши", "вашего", "вашей", "вашем", "вашу", "ваших");
    /** Beginnings of the words that name an authority or an organisation it controls. */
    private static final List<String> AUTHORITY_PREFIXES = List.of("администрац", "губернатор", "депутат",
            "чиновник", "власт", "прокуратур", "министерств", "минздрав", "департамент", "управляющ", "водоканал",
            "горводоканал");
    private static final Set<String> AUTHORITY_WORDS = Set.of("ук", "цур", "жкх", "мфц", "мэр", "мэрия", "мэрии");
    private static final Set<String> PERSIST_WORDS = Set.of("опять", "снова", "сих", "сколько", "вновь",
            "постоянно", "вечно", "неделю", "месяц", "полгода", "годами");
    private static final Set<String> REPORTING_WORDS = Set.of("сообщает", "сообщил", "сообщила", "сообщили",
            "сообщается", "рассказали", "рассказал", "пояснили", "отметили", "заявил", "заявили", "уточнили",
            "данным", "пресс-служба", "пресс-службе", "пресс-службы", "ведутся", "проводятся", "планируется",
            "напоминаем", "информируем", "уважаемые", "жители", "пожаловались");
    private static final Set<String> THANKS_WORDS = Set.of("спасибо", "благодарим", "благодарю", "благодарность",
            "спасибочки", "поклон");

    private final String feature;
    private final long hash;

    Cue(String name) {
        this.feature = PREFIX + name;
        this.hash = FeatureHash.of(feature);
    }

    public String feature() {
        return feature;
    }

    long hash() {
        return hash;
    }

    /**
     * Reports each cue of a post once.
     *
     * @param folded the folded text ({@code TextNormalizer.fold})
     * @param words  its tokens as written (lower case; numbers as {@code <num>})
     */
    static void of(String folded, List<String> words, Consumer<Cue> sink) {
        int n = words.size();
        if (folded.startsWith("[club") || folded.startsWith("[id") || folded.startsWith("[public")
                || folded.startsWith("упоминаниеuser")) {
            sink.accept(ADDRESS_FIRST);
        }
        if (n > 0 && "ссылкаurl".equals(words.get(n - 1))) {
            sink.accept(LINK_LAST);
        }
        int q = folded.lastIndexOf('?');
        if (q >= 0) {
            sink.accept(QUESTION);
            if (folded.substring(q + 1).chars().noneMatch(Character::isLetterOrDigit)) {
                sink.accept(QUESTION_LAST);
            }
        }
        if (folded.indexOf('!') >= 0) {
            sink.accept(EXCLAMATION);
        }
        boolean imperative = false;
        boolean first = false;
        boolean second = false;
        boolean authority = false;
        boolean persists = false;
        boolean reporting = false;
        boolean thanks = false;
        int figures = 0;
        for (int i = 0; i < n; i++) {
            String w = words.get(i);
            if (isImperative(w)) {
                imperative = true;
            }
            first |= FIRST_PERSON_WORDS.contains(w);
            second |= SECOND_PERSON_WORDS.contains(w);
            authority |= isAuthority(w);
            persists |= PERSIST_WORDS.contains(w);
            reporting |= REPORTING_WORDS.contains(w);
            thanks |= THANKS_WORDS.contains(w);
            if ("<num>".equals(w)) {
                figures++;
            }
        }
        emit(sink, imperative, IMPERATIVE);
        emit(sink, isImperative(firstWord(folded)), IMPERATIVE_FIRST);
        emit(sink, first, FIRST_PERSON);
        emit(sink, first && n > 30, FIRST_PERSON_LONG);
        emit(sink, second, SECOND_PERSON);
        emit(sink, authority, AUTHORITY);
        emit(sink, persists, PERSISTS);
        emit(sink, reporting, REPORTING);
        emit(sink, figures >= 3, FIGURES);
        emit(sink, thanks, THANKS);
        sink.accept(n <= 5 ? WORDS_5 : n <= 12 ? WORDS_12 : n <= 30 ? WORDS_30 : n <= 60 ? WORDS_60 : WORDS_MORE);
    }

    private static void emit(Consumer<Cue> sink, boolean present, Cue cue) {
        if (present) {
            sink.accept(cue);
        }
    }

    private static boolean isAuthority(String w) {
        if (AUTHORITY_WORDS.contains(w)) {
            return true;
        }
        for (String p : AUTHORITY_PREFIXES) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The first word after an opening {@code [club1|…],} or {@code @user} address, or of the text. */
    static String firstWord(String folded) {
        int i = 0;
        int n = folded.length();
        if (folded.startsWith("[")) {
            int close = folded.indexOf(']');
            i = close < 0 ? n : close + 1;
        } else if (folded.startsWith("упоминаниеuser")) {
            i = "упоминаниеuser".length();
        }
        while (i < n && !Character.isLetter(folded.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetter(folded.charAt(i))) {
            i++;
        }
        return folded.substring(start, i);
    }

    /** «уберите», «сделайте», «почините»; not the few common words that end so without asking anything. */
    static boolean isImperative(String w) {
        return w.length() >= 5 && (w.endsWith("ите") || w.endsWith("йте")) && !w.equals("смотрите")
                && !w.equals("хотите") && !w.equals("видите") && !w.equals("дите");
    }
}
