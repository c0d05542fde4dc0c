package ru.otklik.nlp.cli;

/** Dispatches the NLP sub-commands; the NLP work replaces this class with the real commands. */
public final class NlpCli {

    private NlpCli() {
    }

    public static int run(String[] args) {
        System.err.println("otklik: the '" + args[0] + "' command is not available in this build");
        return 2;
    }
}
