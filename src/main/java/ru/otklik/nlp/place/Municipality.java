package ru.otklik.nlp.place;

import java.util.List;

/** A municipal formation of the region and the settlement names that point to it. */
public record Municipality(String code, String name, String kind, String center, List<String> towns) {
}
