package ru.otklik.packaged;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What an operator sets before the first start of the packaged service, handed to {@code quarkus-run.jar} as
 * system properties: a data directory of its own, emptied at start (the embedded PostgreSQL's own clean start),
 * the bootstrap administrator and key, and no crawl schedule — the build machine has no internet, and the
 * shipped sources are still loaded and validated at start.
 */
public final class PackagedServiceConfig implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN = "it-admin";
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final String KEY = "otk_packaged-service-it-bootstrap-key-0123456789";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "otklik.data-dir", "target/it-data",
                "otklik.embedded-db.clean-start", "true",
                "otklik.crawler.schedule.enabled", "false",
                "otklik.admin.user", ADMIN,
                "otklik.admin.password", ADMIN_PASSWORD,
                "otklik.bootstrap.api-key", KEY,
                // the shipped warm-up runs, briefly, from the project root as an operator's start would
                "otklik.analysis.warm-up-posts", "100");
    }

    @Override
    public void stop() {
        // The data directory stays for a look after a failure; the next run empties it.
    }
}
