package ru.otklik.nlp.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lower case, ё→е, Russian Snowball stems, and no stop words: Lucene's RussianAnalyzer drops "не" and "нет",
 * which carry the complaint in "не работает" or "нет света".
 */
public final class RuleAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new YoFilter(stream);
        stream = new StemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
