package ru.otklik.nlp.cli;
final class AnalyzeCommand {
    AnalyzeCommand(java.io.PrintStream o, java.io.PrintStream e) { }
    int run(CliArgs a) { return 1; }
    int run(CliArgs a, java.io.InputStream in) { return 1; }
}
