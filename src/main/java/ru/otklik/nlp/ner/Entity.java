package ru.otklik.nlp.ner;

/**
 * A named entity found in a post.
 *
 * @param text  the covered text as written
 * @param type  LOC, ORG or PER
 * @param start character offset in the cleaned text
 * @param end   end offset (exclusive)
 * @param prob  the name finder's probability
 */
public record Entity(String text, String type, int start, int end, double prob) {
}
