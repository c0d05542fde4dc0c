package ru.otklik.db;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes the embedded PostgreSQL die with the JVM that started it, even after {@code kill -9}: a small shell
 * child waits for end-of-file on a pipe only this JVM holds open. The kernel closes the pipe however the JVM
 * ends; the shell then asks the postmaster for a fast shutdown, unless a clean stop already removed its pid
 * file (which also keeps it from signalling a reused pid).
 */
final class ParentWatchdog {

    private static final String SCRIPT = """
            cat > /dev/null
            f="$1/%s"
            [ -f "$f" ] && [ "$(head -n 1 "$f")" = "$2" ] && kill -INT "$2"
            exit 0""".formatted(StalePostmaster.PID_FILE);

    private final Process shell;

    private ParentWatchdog(Process shell) {
        this.shell = shell;
    }

    /** Watches the postmaster serving {@code dataDir}; the returned watchdog must stay referenced. */
    static ParentWatchdog watch(Path dataDir, long postmasterPid) throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", SCRIPT, "otklik-postgres-watchdog",
                dataDir.toString(), Long.toString(postmasterPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new ParentWatchdog(shell);
    }

    long pid() {
        return shell.pid();
    }
}
