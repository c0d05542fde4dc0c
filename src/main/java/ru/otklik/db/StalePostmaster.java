package ru.otklik.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * What a killed Otklik leaves in its data directory: the embedded PostgreSQL runs on without its parent (pg_ctl
 * detaches it) and holds {@code postmaster.pid}, so the next start failed with "lock file postmaster.pid already
 * exists". Before a start, a postmaster still serving this directory is stopped, and a pid file whose process
 * is gone (or is something else now) is removed.
 */
final class StalePostmaster {

    static final String PID_FILE = "postmaster.pid";
    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration KILLED = Duration.ofSeconds(10);

    private StalePostmaster() {
    }

    /** Leaves {@code dataDir} free for a new postmaster. */
    static void clear(Path dataDir) throws IOException {
        OptionalLong pid = pidIn(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> running = ProcessHandle.of(pid.getAsLong())
                .filter(p -> isPostmasterOf(p, dataDir));
        if (running.isEmpty()) {
            LOG.infof("Removing the stale %s of process %d, which no longer runs PostgreSQL on %s",
                    PID_FILE, pid.getAsLong(), dataDir);
            Files.deleteIfExists(dataDir.resolve(PID_FILE));
            return;
        }
        stop(running.get(), dataDir);
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: it rolls back what the dead parent left open and writes a checkpoint,
     * so the next start needs no crash recovery. SIGKILL only if it does not finish.
     */
    private static void stop(ProcessHandle postmaster, Path dataDir) throws IOException {
        LOG.warnf("PostgreSQL (pid %d) still runs on %s, left by a previous run that did not stop it; stopping it",
                postmaster.pid(), dataDir);
        signal(postmaster.pid(), "INT");
        if (!exits(postmaster, FAST_SHUTDOWN)) {
            LOG.warnf("PostgreSQL (pid %d) did not shut down in %s; killing it", postmaster.pid(), FAST_SHUTDOWN);
            postmaster.destroyForcibly();
            if (!exits(postmaster, KILLED)) {
                throw new IOException("PostgreSQL (pid " + postmaster.pid() + ") on " + dataDir + " cannot be stopped");
            }
            // a killed postmaster leaves its pid file; its process is gone now
            Files.deleteIfExists(dataDir.resolve(PID_FILE));
        }
    }

    static OptionalLong pidIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PID_FILE);
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(file);
        try {
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            // a pid file cut short by a crash of the machine: nothing to stop
            return OptionalLong.empty();
        }
    }

    /** The process is a postgres server started with {@code -D dataDir}, not a pid reused by something else. */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        if (!isRunning(process)) {
            return false;
        }
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
        String[] args = info.arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < args.length; i++) {
            if (args[i].equals("-D") && samePath(Path.of(args[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Alive and not a zombie: an orphan reaped by no init stays in the process table after it exited. */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    private static boolean exits(ProcessHandle process, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL " + pid, e);
        }
    }
}
