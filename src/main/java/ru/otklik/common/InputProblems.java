package ru.otklik.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The framework's own input failures, as problems that say what is wrong: a body value of the wrong JSON type,
 * and a path or query value that does not convert to its parameter's type. Without these, Quarkus answers the
 * first with a bare 400 or a JSON of its own, and the second with 404 (the JAX-RS rule for a parameter that
 * does not convert).
 */
public class InputProblems {

    static final String TITLE = "Некорректный запрос";

    /** Ahead of Quarkus's built-in mapper of the same exception (which has the default priority). */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = field(e);
        if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String s && s.indexOf('\0') >= 0) {
            return Problem.of(400, TITLE, "Поле " + field + " содержит недопустимый символ NUL (\\u0000)", path(uri))
                    .toResponse();
        }
        String expected = expected(e.getTargetType());
        String detail = field.isEmpty()
                ? "Тело запроса не того вида: ожидается " + expected
                : "Поле " + field + ": значение не того типа, ожидается " + expected;
        return Problem.of(400, TITLE, detail, path(uri)).toResponse();
    }

    /** A parameter that does not convert is a bad request; a 404 without a cause is a real "not found". */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() == null || e.getCause() instanceof WebApplicationException) {
            return Problem.of(404, "Not Found", e.getMessage(), path(uri)).toResponse();
        }
        return unconverted(e.getCause(), uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response badRequest(BadRequestException e, UriInfo uri) {
        if (e.getCause() == null || e.getCause() instanceof WebApplicationException) {
            return Problem.of(400, TITLE, e.getMessage(), path(uri)).toResponse();
        }
        return unconverted(e.getCause(), uri);
    }

    private static Response unconverted(Throwable cause, UriInfo uri) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (why.length() > 300) {
            why = why.substring(0, 300) + "…";
        }
        return Problem.of(400, TITLE, "Параметр запроса не разобран (число, дата ISO 8601 или значение из списка): "
                + why, path(uri)).toResponse();
    }

    private static String field(JsonMappingException e) {
        StringJoiner path = new StringJoiner(".");
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString().replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "другое значение";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "строка";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true или false";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "целое число";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "число";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "дата ISO 8601";
        }
        if (type.isEnum()) {
            StringJoiner values = new StringJoiner(", ");
            for (Object c : type.getEnumConstants()) {
                values.add(c.toString());
            }
            return "одно из значений: " + values;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "JSON-массив";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "JSON-объект" : "другое значение";
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
