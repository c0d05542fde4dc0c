package ru.otklik.im;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

/** {@code GET /api/incidents/export.xlsx} and {@code .csv}: incidents in «Инцидент Менеджмент»'s export shape. */
@Path("/api/incidents")
@Tag(name = "incidents", description = "Инциденты: жалобы жителей, ответственные ведомства и сроки")
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
public class ImExportResource {

    private static final int DEFAULT_DAYS = 90;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final IncidentExport export;
    private final CurrentUser user;
    private final Clock clock;

    public ImExportResource(IncidentExport export, CurrentUser user, Clock clock) {
        this.export = export;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Path("/export.{format: xlsx|csv}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    @Operation(summary = "Выгрузка инцидентов в формате «Инцидент Менеджмент» (.xlsx или .csv)",
            description = "Колонки ИМ: ID, Номер инцидента, Исполнитель, Дата создания, Дата окончания, Группа тем, Тема, "
                    + "Муниципалитет, Тип инцидента, Итог, Урл поста, Текст инцидента, Общий текст первого ответа, "
                    + "время до первого ответа в рабочих часах, уложились ли в срок. Инциденты, созданные с from по to "
                    + "включительно (даты по Москве; по умолчанию последние 90 дней), фильтры status, topic, agency, "
                    + "municipality. Ведомство получает только свои инциденты; данных об авторах в выгрузке нет. "
                    + "CSV — UTF-8 с BOM, разделитель «;».")
    public Uni<Response> export(@PathParam("format") String format,
                                @Parameter(description = "первый день, YYYY-MM-DD") @QueryParam("from") String from,
                                @Parameter(description = "последний день включительно, YYYY-MM-DD") @QueryParam("to") String to,
                                @QueryParam("status") String status, @QueryParam("topic") String topic,
                                @QueryParam("agency") String agency, @QueryParam("municipality") String municipality) {
        ImExportFormat kind = ImExportFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        LocalDate today = LocalDate.now(clock.withZone(ImExportFormat.MOSCOW));
        LocalDate last = date(to, "to", today);
        LocalDate first = date(from, "from", last.minusDays(DEFAULT_DAYS - 1L));
        if (first.isAfter(last)) {
            throw ApiException.badRequest("Параметр from (" + first + ") позже to (" + last + ")");
        }
        Instant start = first.atStartOfDay(ImExportFormat.MOSCOW).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ImExportFormat.MOSCOW).toInstant();
        String file = "otklik-incidents-" + first + "-" + last + "." + kind.extension();
        return export.rows(start, end, status, topic, agency, user.agencyCode().orElse(null), municipality)
                // writing a workbook is CPU work of seconds for a large export: not on the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        kind.write(rows, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Response.ok(out.toByteArray(), kind.mediaType())
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").build();
                });
    }

    private static LocalDate date(String value, String name, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // a year such as +999999999 parses, then overflows the day after it and PostgreSQL's range
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw ApiException.badRequest("Параметр " + name + ": дата вне диапазона " + EARLIEST + " — " + LATEST);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Параметр " + name + ": ожидается дата YYYY-MM-DD, получено «"
                    + value.replace("\u0000", "") + "»");
        }
    }
}
