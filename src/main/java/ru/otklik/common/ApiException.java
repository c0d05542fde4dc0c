package ru.otklik.common;

/**
 * A failure the API reports as an RFC 9457 problem: the status, a short title and a detail for people.
 * Feature code throws the factory methods' results; {@link ProblemMappers} renders them.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    public ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Некорректный запрос", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Не найдено", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Конфликт состояния", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
