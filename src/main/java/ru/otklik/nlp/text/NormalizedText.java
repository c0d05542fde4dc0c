package ru.otklik.nlp.text;

/**
 * A post after normalisation.
 *
 * @param clean  readable text: HTML removed, entities decoded, ids (UUIDs, hex and other letter-digit
 *               keys) dropped, whitespace collapsed, original case kept
 *               (the name finder and the gazetteer need capitalisation and inflections intact)
 * @param folded the form the categorisers see: lower case, ё→е, stretched letters collapsed,
 *               URLs and mentions replaced by placeholder words, hashtags opened into words
 */
public record NormalizedText(String clean, String folded) {
}
