package ru.otklik;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Set;
import ru.otklik.nlp.cli.NlpCli;

/**
 * The one entry point. No arguments: the service. {@code analyze}, {@code train}, {@code evaluate},
 * {@code crossval}, {@code import-im}: the NLP commands, which run as plain Java so that they neither start a database nor print
 * anything but their output on stdout.
 */
@QuarkusMain
public final class OtklikMain {

    private static final Set<String> NLP_COMMANDS = Set.of("analyze", "train", "evaluate", "crossval", "import-im");

    private OtklikMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && NLP_COMMANDS.contains(args[0])) {
            System.exit(NlpCli.run(args));
        }
        Quarkus.run(args);
    }
}
