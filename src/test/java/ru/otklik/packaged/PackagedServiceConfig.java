package ru.otklik.packaged;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an operator sets before the first start of the packaged service, handed to {@code quarkus-run.jar} as
 * system properties: a data directory of its own (the embedded PostgreSQL starts there, empty), the bootstrap
 * administrator and key, and no crawl schedule — the build machine has no internet, and the shipped sources
 * are still loaded and validated at start.
 */
public final class PackagedServiceConfig implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN = "it-admin";
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final String KEY = "otk_packaged-service-it-bootstrap-key-0123456789";
    private static final Path DATA = Path.of("target", "it-data");

    @Override
    public Map<String, String> start() {
        deleteTree(DATA);
        return Map.of(
                "otklik.data-dir", DATA.toString(),
                "otklik.crawler.schedule.enabled", "false",
                "otklik.admin.user", ADMIN,
                "otklik.admin.password", ADMIN_PASSWORD,
                "otklik.bootstrap.api-key", KEY);
    }

    @Override
    public void stop() {
        // The data directory stays for a look after a failure; the next run deletes it.
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
