package ru.otklik.nlp.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lower case, ё→е, Russian Snowball stems, and no stop words: Lucene's RussianAnalyzer drops "не" and "нет",
 * which carry the complaint in "не работает" or "нет света". The {@link TopicRules#WORD_FIELD} field keeps
 * whole word forms (lower case, ё→е, no stemming), for rules that need a form the stem would blur: the
 * imperative "уберите" and "убрали" share the stem "убра".
 */
public final class RuleAnalyzer extends Analyzer {

    /**
     * Components per field: the default strategy reuses the first field's components for every field, so
     * whichever field was analysed first decided for both whether words are stemmed (a rule's
     * {@code word:почините} then matched «починили», and its stemmed subjects missed inflected forms).
     */
    public RuleAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new YoFilter(stream);
        if (!TopicRules.WORD_FIELD.equals(fieldName)) {
            stream = new StemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }
}
