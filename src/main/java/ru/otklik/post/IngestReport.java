package ru.otklik.post;

import java.util.List;

/** The answer to a batch: one outcome per item in the order sent, and the counts by status. */
public record IngestReport(int created, int updated, int unchanged, int rejected, List<UpsertOutcome> items) {

    static IngestReport of(List<UpsertOutcome> items) {
        return new IngestReport(count(items, UpsertStatus.CREATED), count(items, UpsertStatus.UPDATED),
                count(items, UpsertStatus.UNCHANGED), count(items, UpsertStatus.REJECTED), items);
    }

    private static int count(List<UpsertOutcome> items, UpsertStatus status) {
        return (int) items.stream().filter(o -> o.status() == status).count();
    }
}
