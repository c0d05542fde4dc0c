package ru.otklik.nlp.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.text.TextNormalizer;

/**
 * Extracts features once per distinct text during a build: the same appeals and tweets feed several tasks,
 * so caching saves most of the extraction time. Single-threaded use only.
 */
public final class FeatureCache {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor = new FeatureExtractor();
    private final Map<String, Features> cache = new HashMap<>();

    public Features features(String text) {
        return cache.computeIfAbsent(text, t -> extractor.extract(normalizer.normalize(t).folded()));
    }

    public List<Features> features(List<LabeledText> texts) {
        List<Features> out = new ArrayList<>(texts.size());
        for (LabeledText t : texts) {
            out.add(features(t.text()));
        }
        return out;
    }

    public void clear() {
        cache.clear();
    }
}
