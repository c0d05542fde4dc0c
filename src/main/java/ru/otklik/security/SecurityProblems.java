package ru.otklik.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import ru.otklik.common.DatabaseUnavailable;
import ru.otklik.common.Problem;

/**
 * Security failures as problem+json: 401 for a missing or bad credential, 403 for a role that is not
 * allowed, 429 for a key over its limit. Only HTML pages under {@code /console} redirect to the login form;
 * an API client always gets a status it can act on.
 */
public class SecurityProblems {

    static final String CONSOLE = "/console";
    /** The cookie Quarkus form login reads to send a person back where they were going. */
    static final String REDIRECT_COOKIE = "quarkus-redirect-location";
    static final String CHALLENGE = "Basic realm=\"otklik\", ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\"";

    private final String loginPage;
    private final String errorPage;
    private final String postLocation;

    public SecurityProblems(@ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage,
                            @ConfigProperty(name = "quarkus.http.auth.form.error-page") String errorPage,
                            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                            String postLocation) {
        this.loginPage = loginPage;
        this.errorPage = errorPage;
        this.postLocation = postLocation;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return notAuthenticated(uri, "Нужен вход: логин и пароль (HTTP Basic или форма входа) или ключ API в заголовке "
                + ApiKeyAuthenticationMechanism.HEADER + ".");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            // the identity could not be looked up: the credential may well be right
            return DatabaseUnavailable.response(path(uri));
        }
        RateLimitedException limited = rateLimitCause(e);
        if (limited != null) {
            return rateLimited(limited, uri);
        }
        if (postLocation.equals(path(uri))) {
            // a wrong password in the login form: back to the form, with the error shown
            return Response.status(302).header("Location", errorPage).build();
        }
        return notAuthenticated(uri, "Неверный логин или пароль, либо ключ API неизвестен или отозван.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "Доступ запрещён", "Вашей роли это действие или эти данные недоступны.", path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(429, "Слишком много запросов", "Ключ API превысил лимит "
                                + e.perMinute() + " запросов в минуту; повторите через " + e.retryAfterSeconds() + " с.",
                        path(uri)).toResponse())
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    private Response notAuthenticated(UriInfo uri, String detail) {
        String path = path(uri);
        if (path != null && (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/"))) {
            // a person opening a console page: to the login form, and back here after it
            return Response.status(302).header("Location", loginPage)
                    .cookie(new NewCookie.Builder(REDIRECT_COOKIE).value(uri.getRequestUri().toString()).path("/")
                            .httpOnly(true).build())
                    .build();
        }
        return Response.fromResponse(Problem.of(401, "Требуется аутентификация", detail, path).toResponse())
                .header("WWW-Authenticate", CHALLENGE)
                .build();
    }

    private static RateLimitedException rateLimitCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RateLimitedException limited) {
                return limited;
            }
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
