package ru.otklik.nlp.routing;

/** The agency the routing table picked and the row that picked it, for the analysis' explanation. */
public record Route(Agency agency, String rule) {
}
