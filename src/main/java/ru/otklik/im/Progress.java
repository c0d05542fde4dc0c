package ru.otklik.im;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long import on stderr: a bar redrawn in place when stderr is a terminal, plain lines (every
 * {@value #LINE_EVERY} rows, and one per training step) when it is a file or a pipe, so logs stay readable.
 */
public final class Progress {

    private static final int LINE_EVERY = 10_000;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private int lastLength;

    public Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** On a terminal when the JVM has a console (stderr is then one too, unless redirected alone). */
    public static Progress onConsole(PrintStream err) {
        return new Progress(err, System.console() != null);
    }

    /** Rows read so far (an export's row count is unknown until its end, so no bar yet). */
    public void rows(int read) {
        if (terminal) {
            if (read % 500 == 0) {
                draw(String.format(Locale.ROOT, "reading: %,d rows", read));
            }
        } else if (read % LINE_EVERY == 0) {
            err.printf(Locale.ROOT, "[import-im] read %,d rows%n", read);
        }
    }

    public void step(int done, int total, String what) {
        if (terminal) {
            draw(String.format(Locale.ROOT, "%s training %d/%d: %s", bar(done, total), done, total, what));
        } else {
            err.printf(Locale.ROOT, "[import-im] step %d/%d: %s%n", done, total, what);
        }
    }

    /** A plain message; on a terminal it first ends the bar's line. */
    public void say(String message) {
        if (terminal && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        err.println(message);
    }

    private void draw(String line) {
        String padded = lastLength > line.length() ? line + " ".repeat(lastLength - line.length()) : line;
        err.print("\r" + padded);
        err.flush();
        lastLength = line.length();
    }

    private static String bar(long done, long total) {
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }
}
