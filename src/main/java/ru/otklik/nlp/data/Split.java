package ru.otklik.nlp.data;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A train/dev pair. Where a dataset has no dev file we carve one deterministically: an example is dev when
 * CRC32 of its source id modulo 5 is 0 (about 20 %), so every run and every machine gets the same split.
 */
public record Split(List<LabeledText> train, List<LabeledText> dev) {

    public static boolean isDev(String key) {
        return fold(key, 5) == 0;
    }

    /** The fold of an example among {@code folds}: CRC32 of its id, so fold 0 of five is the dev split. */
    public static int fold(String key, int folds) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }

    public static Split byId(List<LabeledText> all) {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> dev = new ArrayList<>();
        for (LabeledText t : all) {
            (isDev(t.id()) ? dev : train).add(t);
        }
        return new Split(train, dev);
    }

    public Split plus(Split other) {
        List<LabeledText> t = new ArrayList<>(train);
        t.addAll(other.train);
        List<LabeledText> d = new ArrayList<>(dev);
        d.addAll(other.dev);
        return new Split(t, d);
    }
}
