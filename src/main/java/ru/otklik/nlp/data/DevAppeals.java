package ru.otklik.nlp.data;

import static ru.otklik.nlp.data.LabeledTexts.filter;
import static ru.otklik.nlp.data.LabeledTexts.relabel;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real residents' appeals no model trains on — the dev sides of the Kursk and SPb splits — as the proxy of the
 * hidden real posts that {@code crossval --task incident} scores beside the labelled rows: every one is a problem a
 * resident reported, so the share flagged is a recall. The incident model learns the training sides
 * ({@link TaskCorpora#incidentAppeals}), never these.
 */
public final class DevAppeals {

    /** Kursk's category 12 'Тестовая': test submissions, not residents' appeals. */
    static final String KURSK_TEST_CATEGORY = "12";

    private DevAppeals() {
    }

    /** Kursk's dev side and the first {@code spb} of SPb's, labelled complaint, by corpus name. */
    public static Map<String, List<LabeledText>> read(SharedDatasets data, int spb) throws IOException {
        Map<String, List<LabeledText>> out = new LinkedHashMap<>();
        out.put("kursk", relabel(Split.byId(filter(data.kursk("Категория"),
                t -> !t.label().equals(KURSK_TEST_CATEGORY))).dev(), x -> "complaint"));
        List<LabeledText> s = Split.byId(relabel(data.spbCategories(), x -> "complaint")).dev();
        out.put("spb", s.subList(0, Math.min(spb, s.size())));
        return out;
    }
}
