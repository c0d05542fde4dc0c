package ru.otklik.nlp.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * The list operations {@link TaskCorpora} builds its corpora from: deterministic samples (by CRC32 of the id, so a
 * corpus is the same on every machine), relabelling, filtering, joining and naming dev views.
 */
final class LabeledTexts {

    private LabeledTexts() {
    }

    /** Deterministic sample: the examples with the smallest CRC32 of their id. */
    static Split capped(Split s, int train, int dev) {
        return new Split(sample(s.train(), train), sample(s.dev(), dev));
    }

    static List<LabeledText> sample(List<LabeledText> list, int n) {
        if (list.size() <= n) {
            return list;
        }
        List<LabeledText> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingLong(t -> crc(t.id() + "#sample")));
        return sorted.subList(0, n);
    }

    static long crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    static List<LabeledText> relabel(List<LabeledText> list, Map<String, String> mapping) {
        List<LabeledText> out = new ArrayList<>();
        for (LabeledText t : list) {
            String code = mapping.get(t.label());
            if (code != null) {
                out.add(new LabeledText(t.id(), t.text(), code));
            }
        }
        return out;
    }

    static List<LabeledText> relabel(List<LabeledText> list, UnaryOperator<String> f) {
        return list.stream().map(t -> new LabeledText(t.id(), t.text(), f.apply(t.label()))).toList();
    }

    static List<LabeledText> filter(List<LabeledText> list, Predicate<LabeledText> p) {
        return list.stream().filter(p).toList();
    }

    static List<LabeledText> concat(List<LabeledText> a, List<LabeledText> b) {
        List<LabeledText> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Map<String, List<LabeledText>> views(Object... kv) {
        Map<String, List<LabeledText>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<LabeledText> v = (List<LabeledText>) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return m;
    }
}
