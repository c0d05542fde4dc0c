package ru.otklik.crawler;

import java.util.List;
import ru.otklik.post.UpsertOutcome;
import ru.otklik.post.UpsertStatus;

/** How many posts a page or a run created, updated, left unchanged and rejected. */
public record CrawlCounts(int pages, int created, int updated, int unchanged, int rejected, int skipped) {

    public static final CrawlCounts ZERO = new CrawlCounts(0, 0, 0, 0, 0, 0);

    public static CrawlCounts of(List<UpsertOutcome> outcomes, int skipped) {
        int c = 0, u = 0, n = 0, r = 0;
        for (UpsertOutcome o : outcomes) {
            switch (o.status()) {
                case CREATED -> c++;
                case UPDATED -> u++;
                case UNCHANGED -> n++;
                case REJECTED -> r++;
            }
        }
        return new CrawlCounts(1, c, u, n, r, skipped);
    }

    public CrawlCounts plus(CrawlCounts o) {
        return new CrawlCounts(pages + o.pages, created + o.created, updated + o.updated, unchanged + o.unchanged,
                rejected + o.rejected, skipped + o.skipped);
    }

    public int count(UpsertStatus status) {
        return switch (status) {
            case CREATED -> created;
            case UPDATED -> updated;
            case UNCHANGED -> unchanged;
            case REJECTED -> rejected;
        };
    }
}
