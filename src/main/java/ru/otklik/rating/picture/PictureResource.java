package ru.otklik.rating.picture;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.incident.Incident;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.security.Roles;

/** The picture of the region: incidents by topic × municipality per week with spikes, and the top problems. */
@Path("/api/picture")
@Tag(name = "picture", description = "Картина по региону: темы × муниципалитеты по неделям, всплески, главные проблемы")
@Produces(MediaType.APPLICATION_JSON)
public class PictureResource {

    private final WeeklyPicture picture;
    private final java.time.ZoneId zone;
    private final Clock clock;

    public PictureResource(PictureConfig config, WorkingCalendar calendar, Clock clock) {
        this.picture = new WeeklyPicture(calendar.zone(), config.baselineWeeks(), config.spikeFactor(), config.spikeMinCount());
        this.zone = calendar.zone();
        this.clock = clock;
    }

    /** The weekly picture for {@code weeks} weeks ending with the current one. */
    public record Weekly(LocalDate firstWeek, LocalDate lastWeek, int baselineWeeks, List<WeekCell> cells) {
    }

    @GET
    @Path("/weekly")
    @RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
    @Operation(summary = "Инциденты по темам и муниципалитетам за недели, со всплесками",
            description = "weeks — сколько недель показать (по умолчанию 8, до 104), неделя начинается в понедельник по Москве. "
                    + "spike = true, если за неделю не меньше spike-min-count инцидентов и не меньше spike-factor × среднее "
                    + "за предыдущие baseline-weeks недель.")
    public Uni<Weekly> weekly(@QueryParam("weeks") Integer weeks) {
        int count = weeks == null ? 8 : weeks;
        if (count < 1 || count > 104) {
            throw ApiException.badRequest("weeks должен быть от 1 до 104, получено " + weeks);
        }
        LocalDate last = picture.weekOf(clock.instant());
        LocalDate first = last.minusWeeks(count - 1L);
        Instant since = first.minusWeeks(picture.baselineWeeks()).atStartOfDay(zone).toInstant();
        return Panache.withSession(() -> Incident.<Incident>list("firstSeenAt >= ?1 and status <> 'duplicate'", since))
                .map(incidents -> new Weekly(first, last, picture.baselineWeeks(), picture.cells(
                        incidents.stream().map(i -> new Occurrence(i.topic, i.municipalityCode, i.firstSeenAt)).toList(),
                        first, last)));
    }

    @GET
    @Path("/top")
    // titles of every agency's incidents: not for one agency's staff, like search
    @RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.ADMIN, Roles.FEEDS_READ})
    @Operation(summary = "Главные проблемы: инциденты с наибольшим числом постов и охватом за последние дни",
            description = "days — окно по последнему появлению (по умолчанию 7), limit — до 100 (по умолчанию 20).")
    public Uni<List<TopProblem>> top(@QueryParam("days") Integer days, @QueryParam("limit") Integer limit) {
        int window = days == null ? 7 : days;
        int size = limit == null ? 20 : limit;
        if (window < 1 || window > 366 || size < 1 || size > 100) {
            throw ApiException.badRequest("days должен быть от 1 до 366, limit — от 1 до 100");
        }
        Instant since = clock.instant().minus(Duration.ofDays(window));
        return Panache.withSession(() -> Incident.<Incident>find(
                        "lastSeenAt >= ?1 and status <> 'duplicate' order by postCount desc, reach desc, id", since)
                .page(0, size).list())
                .map(list -> list.stream().map(i -> new TopProblem(i.id, i.topic, i.municipalityCode, i.agencyCode, i.title,
                        i.status, i.priority, i.postCount, i.reach, i.growth, i.firstSeenAt, i.lastSeenAt)).toList());
    }
}
