package ru.otklik.analysis;

/** The NLP stage as the service sees it: a pure, thread-safe function of a text. */
public interface PostAnalyzer {

    AnalysisResult analyze(String text);
}
