package ru.otklik.nlp.rules;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import ru.otklik.nlp.text.RussianStems;

/** Lucene's SnowballFilter with the Russian stemmer, through the per-thread table of {@link RussianStems}. */
public final class StemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public StemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String stem = RussianStems.of(term.toString());
        term.setEmpty().append(stem);
        return true;
    }
}
