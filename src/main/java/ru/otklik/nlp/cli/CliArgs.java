package ru.otklik.nlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --key value} options and bare {@code --flag}s after the command word.
 *
 * @param raw the words as given, command first (reports quote the command line that made them)
 */
public record CliArgs(String command, Map<String, String> options, Set<String> flags, List<String> raw) {

    public static CliArgs parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                options.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                flags.add(key);
            }
        }
        return new CliArgs(args[0], Map.copyOf(options), Set.copyOf(flags), List.of(args));
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public String required(String key) {
        return option(key).orElseThrow(() -> new UsageException("missing --" + key));
    }

    /** {@code --data}, by default {@code ../shared/datasets}; a missing directory is a usage error. */
    public Path datasets() {
        Path datasets = Path.of(option("data").orElse("../shared/datasets"));
        if (!Files.isDirectory(datasets)) {
            throw new UsageException("datasets not found at " + datasets.toAbsolutePath() + " (use --data)");
        }
        return datasets;
    }

    /** {@code --models}, by default the models directory of {@link ru.otklik.nlp.ModelsDir#resolve()}. */
    public Path models() {
        return option("models").map(Path::of).orElse(ru.otklik.nlp.ModelsDir.resolve());
    }

    /** {@code --labelled}, by default {@code labelled/}: the hand-labelled set. */
    public Path labelled() {
        return Path.of(option("labelled").orElse(EvaluateCommand.LABELLED));
    }

    /** A comma-separated option ({@code --l2 0.002,0.005}) parsed item by item, or its default. */
    public <T> List<T> list(String key, String byDefault, java.util.function.Function<String, T> parse) {
        List<T> out = new java.util.ArrayList<>();
        for (String s : option(key).orElse(byDefault).split(",")) {
            try {
                out.add(parse.apply(s.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + key + ": not a valid value: " + s.strip());
            }
        }
        return out;
    }

    /** An option that is a share from 0 to 1 ({@code --max-false-alarms 0.02}), or its default. */
    public double share(String key, double byDefault) {
        String value = option(key).orElse(null);
        if (value == null) {
            return byDefault;
        }
        try {
            double share = Double.parseDouble(value);
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new UsageException("--" + key + " must be a share from 0 to 1, not " + value);
    }

    public boolean flag(String key) {
        return flags.contains(key);
    }

    /** A wrong command line; the CLI prints usage and exits with 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
