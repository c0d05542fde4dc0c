package ru.otklik.nlp.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the {@code analyze}, {@code train}, {@code evaluate}, {@code crossval} and {@code import-im} commands; plain
 * Java, no Quarkus or database start-up. {@code OtklikMain} delegates here.
 *
 * <p>Why the stream juggling: OpenNLP prints training and loading chatter to {@code System.out}, but stdout
 * must carry nothing but JSONL (or the report). We keep the real stdout for ourselves and point
 * {@code System.out} at stderr before any model code runs.
 */
public final class NlpCli {

    private NlpCli() {
    }

    public static int run(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        PrintStream previousOut = System.out;
        System.setOut(stderr);
        try {
            CliArgs parsed = CliArgs.parse(args);
            return switch (parsed.command()) {
                case "analyze" -> new AnalyzeCommand(stdout, stderr).run(parsed, System.in);
                case "train" -> new TrainCommand(stdout, stderr).run(parsed);
                case "evaluate" -> new EvaluateCommand(stdout, stderr).run(parsed);
                case "crossval" -> new CrossvalCommand(stdout, stderr).run(parsed);
                case "import-im" -> new ImportImCommand(stderr).run(parsed);
                default -> throw new CliArgs.UsageException("unknown command " + parsed.command());
            };
        } catch (CliArgs.UsageException e) {
            stderr.println("error: " + e.getMessage());
            stderr.println(usage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            stderr.println("error: no such file: " + e.getFile());
            return 1;
        } catch (java.io.IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            // a user's mistake (unreadable file, bad column, bad value): one line, no stack trace
            stderr.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            stderr.println("error: " + e);
            e.printStackTrace(stderr);
            return 1;
        } finally {
            stdout.flush();
            System.setOut(previousOut);
        }
    }

    /** Lets the commands run without the Quarkus launcher, e.g. {@code java -cp ... NlpCli analyze}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static String usage() {
        return """
                usage:
                  analyze [--models DIR]                      JSONL {"id","text"} on stdin → analyses on stdout
                  train --task T --input FILE --text-field X --label-field Y --out DIR
                        [--labelled DIR] [--labelled-weight N]
                                                              T: complaint, topic, incident, incident_type,
                                                              conflict, inappropriate, sentiment, agency
                  train --all [--data ../shared/datasets] [--out nlp-models] [--only text,ner,topic,...] [--l2 X]
                        [--labelled labelled] [--labelled-weight N]
                  train --tune-weights 0,5,10 [--only topic,topic_informal,incident_type] [--fold 0|all]
                        [--folds 5] [--l2 X] [--out DIR] [--reuse] [--misses FILE] [--topic-blend 0,0.3,0.5@200]
                                                              weight of the labelled dev rows, on held-out folds
                  evaluate [--data ../shared/datasets] [--models nlp-models] [--report nlp-models/REPORT.md]
                  crossval --task T [--data ../shared/datasets | --input FILE --text-field X --label-field Y
                           | --from predictions.jsonl] [--folds 5] [--out predictions.jsonl]
                           [--compare other-predictions.jsonl]
                  crossval --task incident [--folds 5] [--models nlp-models] [--labelled labelled] [--l2 0.002]
                           [--labelled-weight 1] [--extras 0] [--by-type false] [--nb on,off]
                           [--max-false-alarms 0.02] [--max-tweet-alarms 0.005] [--out rows.tsv]
                                                              the incident decision over the labelled dev rows
                  import-im --input export.xlsx|export.csv --out DIR [--map topic-map.tsv] [--history] [--folds 5]
                                                              an «Инцидент Менеджмент» export → region's models""";
    }
}
