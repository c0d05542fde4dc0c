package ru.otklik.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}; internals never leak into the detail. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return Problem.of(e.status(), e.title(), e.getMessage(), path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (строка " + e.getLocation().getLineNr() + ", позиция " + e.getLocation().getColumnNr() + ")";
        return Problem.of(400, "Некорректный JSON", "Тело запроса не разобрано как JSON" + where + ": "
                + e.getOriginalMessage(), path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Ошибка" : known.getReasonPhrase();
        Response problem = Problem.of(status, title, e.getMessage(), path(uri)).toResponse();
        // keep headers such as Retry-After or Allow that the original response carried
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> problem.getHeaders().add(name, v));
            }
        });
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            // an outage, not a bug: one line, not a stack trace per request while PostgreSQL is away
            LOG.warnf("Database unavailable on %s: %s", path(uri), e);
            return DatabaseUnavailable.response(path(uri));
        }
        Problem refused = DatabaseRefusals.problem(e, path(uri));
        if (refused != null) {
            return refused.toResponse();
        }
        LOG.error("Unhandled error on " + path(uri), e);
        return Problem.of(500, "Внутренняя ошибка", "Запрос не выполнен из-за внутренней ошибки; она записана в журнал.",
                path(uri)).toResponse();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
