package ru.otklik.incident;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import ru.otklik.common.IsoInstant;

/**
 * Writes a feed page ({@link IncidentFeedPage} of {@link IncidentView}s) as JSON straight from its rows: the same
 * fields in the same order, names, nulls, numbers and timestamps as Jackson writes the records
 * ({@code IncidentFeedTest.feedItemsReadAsTheIncidentsOwnView} compares them with the incident's own view), without
 * building an entity, a view and an {@code Instant} per row and without Jackson's serializers: field names are
 * encoded once, timestamps written by {@link IsoInstant}. Mapping and serialising fifty incidents was the largest
 * part of a page's CPU in the service after the round trips (docs/incidents.md §15). The bytes go straight into the
 * Vert.x buffer the response is sent from (no byte array to grow, copy out and copy again into the response), and
 * the agency and municipality names are looked up once per code and page, not through the views' bean proxy on
 * every row (docs/performance.md, 2026-12-05 "The feed at 10^5 incidents").
 */
@ApplicationScoped
public class IncidentFeedJson {

    /** How a column becomes a value of the item. */
    private enum Kind { TEXT, NUMBER, TIME, AGENCY_NAME, MUNICIPALITY_NAME, LONGS }

    /** The fields of {@link IncidentView} in its order, each with the page column it is read from. */
    enum Field {
        ID("id", "id", Kind.NUMBER),
        STATUS("status", "status", Kind.TEXT),
        TOPIC("topic", "topic", Kind.TEXT),
        INCIDENT_TYPE("incidentType", "incident_type", Kind.TEXT),
        AGENCY("agency", "agency_code", Kind.TEXT),
        AGENCY_NAME("agencyName", "agency_code", Kind.AGENCY_NAME),
        MUNICIPALITY("municipality", "municipality_code", Kind.TEXT),
        MUNICIPALITY_NAME("municipalityName", "municipality_code", Kind.MUNICIPALITY_NAME),
        PRIORITY("priority", "priority", Kind.TEXT),
        TITLE("title", "title", Kind.TEXT),
        FIRST_RESPONSE_DUE("firstResponseDue", "first_response_due_at", Kind.TIME),
        DEADLINE("deadline", "deadline_at", Kind.TIME),
        FIRST_RESPONSE_DUE_CALENDAR("firstResponseDueCalendar", "first_response_due_calendar_at", Kind.TIME),
        DEADLINE_CALENDAR("deadlineCalendar", "deadline_calendar_at", Kind.TIME),
        FIRST_RESPONSE_AT("firstResponseAt", "first_response_at", Kind.TIME),
        FIRST_SEEN_AT("firstSeenAt", "first_seen_at", Kind.TIME),
        LAST_SEEN_AT("lastSeenAt", "last_seen_at", Kind.TIME),
        POST_COUNT("postCount", "post_count", Kind.NUMBER),
        REACH("reach", "reach", Kind.NUMBER),
        CONFLICT_SCORE("conflictScore", "conflict_score", Kind.NUMBER),
        GROWTH("growth", "growth", Kind.NUMBER),
        ANSWER_TEXT("answerText", "answer_text", Kind.TEXT),
        ANSWER_URL("answerUrl", "answer_url", Kind.TEXT),
        RATING("rating", "rating", Kind.NUMBER),
        SATISFACTION("satisfaction", "satisfaction", Kind.NUMBER),
        REOPEN_COUNT("reopenCount", "reopen_count", Kind.NUMBER),
        CREATED_AT("createdAt", "created_at", Kind.TIME),
        UPDATED_AT("updatedAt", "updated_at", Kind.TIME),
        POST_IDS("postIds", "post_ids", Kind.LONGS);

        final SerializedString name;
        final String column;
        private final Kind kind;

        Field(String name, String column, Kind kind) {
            this.name = new SerializedString(name);
            this.column = column;
            this.kind = kind;
        }
    }

    private static final SerializedString ITEMS = new SerializedString("items");
    private static final SerializedString NEXT = new SerializedString("next");
    private static final Field[] FIELDS = Field.values();

    private final JsonFactory factory;
    private final IncidentViews views;

    public IncidentFeedJson(ObjectMapper mapper, IncidentViews views) {
        this.factory = mapper.getFactory();
        this.views = views;
    }

    /** The page's first {@code size} incidents and the cursor of the next page (null on the last) as JSON. */
    public Buffer write(List<Row> incidents, int size, String next) {
        int count = Math.min(size, incidents.size());
        Buffer out = Buffer.buffer(1024 + 1024 * count);
        try (JsonGenerator json = factory.createGenerator(new BufferOutput(out), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeFieldName(ITEMS);
            json.writeStartArray();
            if (count > 0) {
                Item item = new Item(columns(incidents.get(0)), new char[IsoInstant.MAX_LENGTH],
                        memo(views::agencyName), memo(views::municipalityName));
                for (int i = 0; i < count; i++) {
                    item.write(json, incidents.get(i));
                }
            }
            json.writeEndArray();
            json.writeFieldName(NEXT);
            json.writeString(next);
            json.writeEndObject();
        } catch (IOException e) {
            // a buffer in memory does not fail to take bytes
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Jackson's output appended to a Vert.x buffer (Jackson hands over its own buffer in chunks of ~8 KB). */
    private static final class BufferOutput extends OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }
    }

    /** A name lookup remembered per code for one page: a page names a handful of agencies and municipalities. */
    private static UnaryOperator<String> memo(UnaryOperator<String> lookup) {
        Map<String, String> names = new HashMap<>();
        return code -> {
            if (code == null) {
                return null;
            }
            String name = names.get(code);
            if (name == null && !names.containsKey(code)) {
                name = lookup.apply(code);
                names.put(code, name);
            }
            return name;
        };
    }

    /** Each field's column position in the page, looked up once per page rather than by name on every row. */
    private static int[] columns(Row row) {
        int[] at = new int[FIELDS.length];
        for (Field f : FIELDS) {
            at[f.ordinal()] = row.getColumnIndex(f.column);
            if (at[f.ordinal()] < 0) {
                throw new IllegalStateException("feed-page.sql returns no column " + f.column);
            }
        }
        return at;
    }

    /** Writes the items of one page: its column positions, a timestamp buffer and its name lookups. */
    private record Item(int[] at, char[] timeChars, UnaryOperator<String> agencyName,
                        UnaryOperator<String> municipalityName) {

        void write(JsonGenerator json, Row row) throws IOException {
            json.writeStartObject();
            for (Field f : FIELDS) {
                json.writeFieldName(f.name);
                int column = at[f.ordinal()];
                switch (f.kind) {
                    case TEXT -> json.writeString(row.getString(column));
                    case NUMBER -> number(json, row.getValue(column));
                    case TIME -> time(json, row.getOffsetDateTime(column), timeChars);
                    case AGENCY_NAME -> json.writeString(agencyName.apply(row.getString(column)));
                    case MUNICIPALITY_NAME -> json.writeString(municipalityName.apply(row.getString(column)));
                    case LONGS -> {
                        Long[] ids = row.getArrayOfLongs(column);
                        json.writeStartArray();
                        for (Long id : ids) {
                            json.writeNumber(id.longValue());
                        }
                        json.writeEndArray();
                    }
                }
            }
            json.writeEndObject();
        }
    }

    /** An int4, int8 or float8 column as Jackson writes an int, long or double (and their boxes: null as null). */
    private static void number(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Integer i) {
            json.writeNumber(i.intValue());
        } else if (value instanceof Long l) {
            json.writeNumber(l.longValue());
        } else if (value instanceof Double d) {
            json.writeNumber(d.doubleValue());
        } else if (value == null) {
            json.writeNull();
        } else {
            throw new IllegalStateException("feed-page.sql returns a " + value.getClass().getSimpleName() + " number");
        }
    }

    private static void time(JsonGenerator json, OffsetDateTime value, char[] buffer) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        int length = IsoInstant.write(value, buffer);
        if (length < 0) {
            json.writeString(IsoInstant.format(value));
        } else {
            json.writeString(buffer, 0, length);
        }
    }
}
