package ru.otklik.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The region's sources file: the shipped one is valid; a broken one names the entry and the field. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class SourcesFileTest {

    @Inject
    SourceDefinitionParser parser;

    @Test
    void theShippedFileIsValid() {
        List<SourceDefinition> all = SourcesFile.read(Path.of("crawler/sources.yaml"), parser);
        assertTrue(all.size() >= 5);
        SourceDefinition lenta = all.stream().filter(d -> d.key().equals("lenta-news")).findFirst().orElseThrow();
        assertEquals("rss", lenta.kind());
        assertEquals(900, lenta.intervalSeconds());
        assertEquals(120, lenta.jitterSeconds());
        assertTrue(all.stream().anyMatch(d -> d.kind().equals("vk-wall") && d.config().get("domain") != null));
    }

    @Test
    void anInvalidFileNamesEachEntryAndField(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                version: 1
                sources:
                  - key: ok-feed
                    kind: rss
                    url: https://example.org/rss
                  - key: tula-vk
                    kind: vk-wall
                    interval: often
                  - key: ok-feed
                    kind: rss
                    url: https://example.org/other
                  - kind: telegramm
                """);
        SourcesFile.InvalidException e = assertThrows(SourcesFile.InvalidException.class, () -> SourcesFile.read(file, parser));
        String m = e.getMessage();
        assertTrue(m.contains("источник №2 (key=tula-vk): поле 'interval'"), m);
        assertTrue(m.contains("источник №2 (key=tula-vk): поля 'domain' и 'ownerId'"), m);
        assertTrue(m.contains("источник №3 (key=ok-feed): поле 'key': ключ повторяется"), m);
        assertTrue(m.contains("источник №4: поле 'key': обязательно"), m);
        assertTrue(m.contains("поле 'kind': неизвестный вид 'telegramm'"), m);

        Files.writeString(file, "sources: []\n");
        assertTrue(assertThrows(SourcesFile.InvalidException.class, () -> SourcesFile.read(file, parser))
                .getMessage().contains("поле 'version'"));
    }
}
