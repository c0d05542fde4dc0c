package ru.otklik.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings shared by every feature; features keep their own under {@code otklik.<feature>}. */
@ConfigMapping(prefix = "otklik")
public interface OtklikConfig {

    /** Where Otklik keeps its embedded database and generated secrets. */
    @WithDefault("./data")
    Path dataDir();

    /** Key of the HMAC that turns author handles into pseudonyms; generated into the data dir when unset. */
    Optional<String> pseudonymSecret();

    /** The embedded PostgreSQL, used when no datasource URL is configured (read before CDI starts). */
    EmbeddedDb embeddedDb();

    interface EmbeddedDb {
        /** Port to listen on; 0 picks a free one at every start. */
        @WithDefault("0")
        int port();

        /** Wipe the data directory at start: for tests only. */
        @WithDefault("false")
        boolean cleanStart();

        /**
         * PostgreSQL's {@code synchronous_commit}. {@code on}: an acknowledged post is on disk. {@code off}: commits
         * are faster, and a power failure (not a crash of Otklik) may lose the last ~0.6 s of acknowledged writes.
         */
        @WithDefault("on")
        String synchronousCommit();
    }
}
