package ru.otklik.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the two ways people sign in next to the API key that {@code application.properties} declares:
 * HTTP Basic (scripts run by staff) and the console's session cookie. Quarkus marks every role-protected
 * operation with the key scheme only; here each such operation also accepts either of the others, since
 * OpenAPI reads a list of requirements as alternatives.
 *
 * <p>Runs at build time: the packaged application serves the document built then, and a runtime-startup
 * filter showed up in {@code @QuarkusTest} but not in {@code quarkus-run.jar}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiSecuritySchemes implements OASFilter {

    static final String BASIC = "basicAuth";
    static final String SESSION = "session";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        // the names application.properties gives the key scheme and the session cookie, not copies of them
        String apiKey = config.getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class)
                .orElse("SecurityScheme");
        String cookie = config.getOptionalValue("quarkus.http.auth.form.cookie-name", String.class)
                .orElse("quarkus-credential");
        openAPI.getComponents()
                .addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Логин и пароль сотрудника (HTTP Basic); учётные записи заводит администратор"))
                .addSecurityScheme(SESSION, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name(cookie)
                        .description("Сеанс консоли: cookie, которую ставит вход через форму /login.html"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(op -> requires(op, apiKey))
                .forEach(op -> {
                    op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC));
                    op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SESSION));
                });
    }

    private static boolean requires(Operation op, String scheme) {
        List<SecurityRequirement> security = op.getSecurity();
        return security != null && security.stream().filter(Objects::nonNull)
                .anyMatch(r -> r.getSchemes() != null && r.getSchemes().containsKey(scheme));
    }
}
