package ru.otklik.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query value that no endpoint can use, before any endpoint sees it: a NUL character
 * (PostgreSQL cannot store or compare it, and answered 22021) and a broken %-escape.
 */
public class RequestValues {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnusable(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        try {
            if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
                return problem("Путь запроса содержит недопустимый символ NUL (%00).", path);
            }
            for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
                if (param.getKey().indexOf('\0') >= 0 || param.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                    return problem("Параметр запроса " + printable(param.getKey())
                            + " содержит недопустимый символ NUL (%00).", path);
                }
            }
        } catch (IllegalArgumentException e) {
            return problem("Адрес запроса содержит некорректную %-последовательность.", path);
        }
        return null;
    }

    private static Response problem(String detail, String path) {
        return Problem.of(400, InputProblems.TITLE, detail, path).toResponse();
    }

    private static String printable(String name) {
        String shown = name.replace("\0", "\\u0000");
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }
}
