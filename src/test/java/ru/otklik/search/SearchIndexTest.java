package ru.otklik.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.otklik.common.ApiException;

class SearchIndexTest {

    @TempDir
    Path dir;
    SearchIndex index;

    @BeforeEach
    void fill() {
        index = new SearchIndex(dir);
        index.index(List.of(
                new SearchDocument(1, "vk-tula", null, "Во дворе на Пролетарской огромная яма, машины бьют колёса",
                        Instant.parse("2026-10-03T10:00:00Z"), "roads", "tula"),
                new SearchDocument(2, "tg-news", "Ямы на трассе", "Водители жалуются на ямы под Алексином",
                        Instant.parse("2026-11-05T10:00:00Z"), "roads", "aleksin"),
                new SearchDocument(3, "vk-tula", null, "Не вывозят мусор <третью> неделю",
                        Instant.parse("2026-11-06T10:00:00Z"), "ecology", "tula")));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsAllFormsOfAWordAndHighlightsThem() {
        SearchResult r = search("ямы", null);
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.items()).extracting(SearchResult.Hit::postId).containsExactlyInAnyOrder(1L, 2L);
        SearchResult.Hit tula = r.items().stream().filter(h -> h.postId() == 1).findFirst().orElseThrow();
        assertThat(tula.snippet()).contains("<mark>яма</mark>");
        assertThat(tula.topic()).isEqualTo("roads");
    }

    @Test
    void countsFacetsOverAllHits() {
        SearchResult r = search("", null);
        assertThat(r.facets().get("topic")).containsEntry("roads", 2).containsEntry("ecology", 1);
        assertThat(r.facets().get("municipality")).containsEntry("tula", 2).containsEntry("aleksin", 1);
        assertThat(r.facets().get("month")).containsEntry("2026-10", 1).containsEntry("2026-11", 2);
        assertThat(r.facets().get("source")).containsEntry("vk-tula", 2);
    }

    @Test
    void filtersByFacetAndDate() {
        assertThat(search("", "tula").items()).extracting(SearchResult.Hit::postId).containsExactlyInAnyOrder(1L, 3L);
        SearchResult november = index.search(new SearchQuery(null, null, null, null,
                Instant.parse("2026-11-01T00:00:00Z"), null, 0, 10));
        assertThat(november.items()).extracting(SearchResult.Hit::postId).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void snippetsAreHtmlEscaped() {
        assertThat(search("мусор", null).items().get(0).snippet())
                .isEqualTo("Не вывозят <mark>мусор</mark> &lt;третью&gt; неделю");
    }

    @Test
    void reindexingAPostReplacesIt() {
        index.index(List.of(new SearchDocument(3, "vk-tula", null, "Мусор вывезли, спасибо",
                Instant.parse("2026-11-07T10:00:00Z"), "ecology", "tula")));
        assertThat(index.size()).isEqualTo(3);
        assertThat(search("спасибо", null).items()).extracting(SearchResult.Hit::postId).containsExactly(3L);
    }

    @Test
    void aBrokenQueryIsABadRequest() {
        assertThatThrownBy(() -> search("яма AND (", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aDateBeyondWhatMillisecondsHoldIsIndexedAtTheEdgeOfTheCalendar() {
        // what the database hands back for a published_at of ±infinity, stored before the API refused such dates
        Instant plusInfinity = java.time.OffsetDateTime.MAX.toInstant();
        Instant minusInfinity = java.time.OffsetDateTime.MIN.toInstant();
        index.index(List.of(
                new SearchDocument(4, "api-feeder", null, "Яма бесконечности", plusInfinity, "roads", "tula"),
                new SearchDocument(5, "api-feeder", null, "Яма минус бесконечности", minusInfinity, "roads", "tula")));
        assertThat(index.size()).isEqualTo(5);
        SearchResult r = search("бесконечности", null);
        assertThat(r.items()).extracting(SearchResult.Hit::publishedAt)
                .containsExactlyInAnyOrder(Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(r.facets().get("month")).containsEntry("9999-12", 1).containsEntry("0001-01", 1);
    }

    private SearchResult search(String text, String municipality) {
        return index.search(new SearchQuery(text, null, null, municipality, null, null, 0, 10));
    }
}
