package ru.otklik.source;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import ru.otklik.crawler.CrawlerConfig;

/**
 * Loads {@code crawler/sources.yaml} at start. An invalid file stops the start: running with part of the
 * region's sources silently missing is worse than not running.
 */
@ApplicationScoped
public class SourcesFileLoader {

    private static final Logger LOG = Logger.getLogger(SourcesFileLoader.class);

    private final CrawlerConfig config;
    private final SourceDefinitionParser parser;
    private final SourceService sources;

    public SourcesFileLoader(CrawlerConfig config, SourceDefinitionParser parser, SourceService sources) {
        this.config = config;
        this.parser = parser;
        this.sources = sources;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.sourcesFile().isEmpty()) {
            LOG.info("No sources file configured (otklik.crawler.sources-file): sources come only from the API");
            return;
        }
        Path file = Path.of(config.sourcesFile().get());
        if (!Files.exists(file)) {
            throw new SourcesFile.InvalidException("Файл источников " + file.toAbsolutePath()
                    + " не найден; укажите его в otklik.crawler.sources-file (OTKLIK_CRAWLER_SOURCES_FILE)");
        }
        List<SourceDefinition> definitions = SourcesFile.read(file, parser);
        // StartupEvent runs on the main thread; the reactive session needs a Vert.x context of its own
        VertxContextSupport.subscribeAndAwait(() -> sources.applyFile(definitions));
        LOG.infof("Loaded %d sources from %s", definitions.size(), file);
    }
}
