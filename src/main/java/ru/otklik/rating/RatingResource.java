package ru.otklik.rating;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.security.Roles;

/**
 * Agency and municipality ratings (§16 of the regulation), for a period and month by month, as JSON or CSV.
 * Aggregates without personal data, so everyone who reads the feeds may read them, agencies included.
 */
@Path("/api/ratings")
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
@Tag(name = "ratings", description = "Рейтинги ведомств и муниципалитетов: количество, скорость, качество, полнота")
public class RatingResource {

    private static final String CSV = "text/csv; charset=UTF-8";

    private final RatingFacts facts;
    private final RatingCalculator calculator;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public RatingResource(RatingFacts facts, RatingConfig config, WorkingCalendar calendar, Clock clock) {
        this.facts = facts;
        this.calculator = new RatingCalculator(config.minSample());
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Рейтинг за период",
            description = "dimension = agency | municipality; from и to — даты (по Москве), to не включается; "
                    + "по умолчанию — текущий месяц. Ранг (rank) есть только у тех, у кого получено не меньше minSample инцидентов.")
    public Uni<RatingReport> period(@QueryParam("dimension") String dimension, @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        return periodReport(dimension, from, to);
    }

    @GET
    @Path("/csv")
    @Produces(CSV)
    @Operation(summary = "Рейтинг за период в CSV (RFC 4180)")
    public Uni<Response> periodCsv(@QueryParam("dimension") String dimension, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        return periodReport(dimension, from, to).map(r -> csv(r.rows(), "ratings-" + r.dimension().code() + ".csv"));
    }

    @GET
    @Path("/monthly")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Помесячная история рейтинга",
            description = "from и to — месяцы YYYY-MM включительно; по умолчанию — последние 12 месяцев.")
    public Uni<RatingReport> monthly(@QueryParam("dimension") String dimension, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        return monthlyReport(dimension, from, to);
    }

    @GET
    @Path("/monthly/csv")
    @Produces(CSV)
    @Operation(summary = "Помесячная история рейтинга в CSV (RFC 4180)")
    public Uni<Response> monthlyCsv(@QueryParam("dimension") String dimension, @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        return monthlyReport(dimension, from, to).map(r -> csv(r.rows(), "ratings-monthly-" + r.dimension().code() + ".csv"));
    }

    private Uni<RatingReport> periodReport(String dimensionCode, String fromText, String toText) {
        RatingDimension dimension = dimension(dimensionCode);
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        LocalDate from = fromText == null ? today.withDayOfMonth(1) : date(fromText, "from");
        LocalDate to = toText == null ? from.plusMonths(1).withDayOfMonth(1) : date(toText, "to");
        if (!to.isAfter(from)) {
            throw ApiException.badRequest("Период пуст: to должен быть позже from");
        }
        Instant start = from.atStartOfDay(calendar.zone()).toInstant();
        Instant end = to.atStartOfDay(calendar.zone()).toInstant();
        String period = from + "/" + to;
        return Panache.withSession(() -> facts.load(start, end, clock.instant()))
                .map(list -> new RatingReport(period, dimension, calculator.minSample(),
                        calculator.rate(list, dimension, start, end, period)));
    }

    private Uni<RatingReport> monthlyReport(String dimensionCode, String fromText, String toText) {
        RatingDimension dimension = dimension(dimensionCode);
        YearMonth current = YearMonth.now(clock.withZone(calendar.zone()));
        YearMonth last = toText == null ? current : month(toText, "to");
        YearMonth first = fromText == null ? last.minusMonths(11) : month(fromText, "from");
        if (first.isAfter(last) || first.plusYears(10).isBefore(last)) {
            throw ApiException.badRequest("Месяцы from..to должны идти по порядку и охватывать не больше 10 лет");
        }
        Instant start = first.atDay(1).atStartOfDay(calendar.zone()).toInstant();
        Instant end = last.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
        return Panache.withSession(() -> facts.load(start, end, clock.instant()))
                .map(list -> new RatingReport(first + "/" + last, dimension, calculator.minSample(),
                        calculator.monthly(list, dimension, calendar.zone(), first, last)));
    }

    private static Response csv(List<RatingRow> rows, String filename) {
        return Response.ok(RatingCsv.toCsv(rows), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static RatingDimension dimension(String code) {
        try {
            return RatingDimension.fromCode(code == null ? "agency" : code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("dimension должен быть agency или municipality, получено " + code);
        }
    }

    private static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " должен быть датой YYYY-MM-DD, получено " + text);
        }
    }

    private static YearMonth month(String text, String name) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " должен быть месяцем YYYY-MM, получено " + text);
        }
    }
}
