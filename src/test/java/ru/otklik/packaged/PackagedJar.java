package ru.otklik.packaged;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged {@code quarkus-run.jar} as an operator runs it, started and killed by a test: its own JVM, the
 * prod profile, the embedded PostgreSQL in a data directory that outlives the process.
 */
final class PackagedJar {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String KEY = "otk_crash-restart-it-bootstrap-key-0123456789";

    private final Path dataDir;
    private final Map<String, String> settings;
    private final Path log;
    private final int port;
    private final Process process;

    private PackagedJar(Path dataDir, Map<String, String> settings, Path log) throws IOException {
        this.dataDir = dataDir;
        this.settings = settings;
        this.log = log;
        this.port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dotklik.data-dir=" + dataDir);
        command.add("-Dotklik.crawler.schedule.enabled=false");
        command.add("-Dotklik.bootstrap.api-key=" + KEY);
        command.add("-Dotklik.admin.user=it-admin");
        command.add("-Dotklik.admin.password=it-admin-password");
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Starts the jar and waits until it is ready; fails at once if the process ends instead. */
    static PackagedJar start(Path dataDir, Map<String, String> settings, Path log) throws Exception {
        PackagedJar jar = new PackagedJar(dataDir, settings, log);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!jar.process.isAlive()) {
                throw new AssertionError("The service did not start (exit " + jar.process.exitValue() + "); see " + log);
            }
            try {
                if (jar.api().get("/q/health/ready").statusCode() == 200) {
                    return jar;
                }
            } catch (Exception notListeningYet) {
                // connection refused while it starts
            }
            Thread.sleep(250);
        }
        jar.process.destroyForcibly();
        throw new AssertionError("The service was not ready within 5 minutes; see " + log);
    }

    PackagedJar restart() throws Exception {
        return start(dataDir, settings, log);
    }

    RequestSpecification api() {
        return given().baseUri("http://localhost").port(port);
    }

    RequestSpecification withKey() {
        return api().header("X-API-Key", KEY);
    }

    Process process() {
        return process;
    }

    Path pgDir() {
        return dataDir.resolve("pg");
    }

    /** The embedded PostgreSQL's postmaster pid, from its pid file. */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(pgDir().resolve("postmaster.pid")).get(0).strip());
    }

    /** Plain JDBC on the service's embedded database: its port is in the pid file. */
    Connection database() throws IOException, SQLException {
        String port = Files.readAllLines(pgDir().resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    /** kill -9 of the JVM alone; what it started (the watchdog, the postmaster) lives on for a moment. */
    void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** kill -9 of the JVM and its children: the postmaster, detached by pg_ctl, stays behind. */
    void killJvmAndChildren() throws InterruptedException {
        List<ProcessHandle> children = process.children().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
    }

    /** The operator's stop (SIGTERM): the service shuts down and stops its database. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
