package ru.otklik.im.history;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import ru.otklik.nlp.place.Municipality;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.Agency;
import ru.otklik.nlp.routing.RoutingTable;

/**
 * Names in an export → the codes of Otklik's reference files: executors against the routing table's agencies,
 * municipalities against the gazetteer (by name or centre, with «г.», «город», «район» forms). An executor the
 * table does not know gets a stable slug code, so re-imports and ratings find it again.
 */
public final class ImReferences {

    /** Slug codes are this long at most, a checksum keeping long names apart. */
    private static final int SLUG_LENGTH = 48;

    private final Map<String, String> agencies = new HashMap<>();
    private final Map<String, String> municipalities = new HashMap<>();

    public ImReferences(RoutingTable routing, TulaGazetteer gazetteer) {
        for (Agency a : routing.agencies()) {
            agencies.put(normalize(a.name()), a.code());
        }
        for (Municipality m : gazetteer.municipalities()) {
            municipalities.putIfAbsent(place(m.name()), m.code());
            municipalities.putIfAbsent(place(m.center()), m.code());
        }
    }

    /** The routing table's agency of that name. */
    public Optional<String> knownAgency(String name) {
        return Optional.ofNullable(agencies.get(normalize(name)));
    }

    /** The known agency's code, else the executor's slug code. */
    public String agencyCode(String name) {
        return knownAgency(name).orElseGet(() -> slug(name));
    }

    public Optional<String> municipality(String name) {
        return name.isBlank() ? Optional.empty() : Optional.ofNullable(municipalities.get(place(name)));
    }

    /** {@code im-} and the transliterated name, e.g. «Администрация г. Тулы» → {@code im-administratsiya-g-tuly}. */
    static String slug(String name) {
        StringBuilder s = new StringBuilder("im-");
        for (char c : normalize(name).toCharArray()) {
            String t = translit(c);
            if (t != null) {
                s.append(t);
            } else if (s.charAt(s.length() - 1) != '-') {
                s.append('-');
            }
        }
        String slug = s.toString().replaceAll("-+$", "");
        if (slug.length() <= SLUG_LENGTH) {
            return slug;
        }
        CRC32 crc = new CRC32();
        crc.update(normalize(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return slug.substring(0, SLUG_LENGTH - 9).replaceAll("-+$", "") + "-" + String.format("%08x", crc.getValue());
    }

    private static final String CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
        "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

    private static String translit(char c) {
        int i = CYRILLIC.indexOf(c);
        if (i >= 0) {
            return LATIN[i];
        }
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? String.valueOf(c) : null;
    }

    static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\"«»']", "")
                .replaceAll("\\s+", " ");
    }

    /** A place name without its kind: «г. Тула», «город Тула», «Тула» are one; «Алексинский район» keeps «район». */
    private static String place(String name) {
        return normalize(name).replaceAll("^(г\\.|г |город |городской округ |го |муниципальное образование |мо )",
                "").replaceAll("[.,]", "").strip();
    }
}
