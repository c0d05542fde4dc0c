package ru.otklik.security;

import static ru.otklik.common.ConfigValues.isSet;
import static ru.otklik.common.ConfigValues.valueOr;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;
import ru.otklik.common.SecretFile;

/**
 * Gives the session cookie's encryption key a home when the operator set none: a secret generated once into
 * {@code <data-dir>/session.key}. Without it Quarkus made a temporary key at every start, printed it in a WARN
 * line (anyone reading the log could forge a session) and logged everybody out on restart.
 *
 * <p>Runs only at {@link ExecutionMode#RUNTIME_INIT}, so the build never creates files; an operator's
 * {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} always wins (several nodes must share one key).
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    public static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String FILE = "session.key";
    /** Below the defaults of env (300) and application.properties (250), so any explicit setting wins. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT || isSet(context.getValue(KEY))) {
            return List.of();
        }
        Path file = Path.of(valueOr(context.getValue("otklik.data-dir"), "./data")).resolve(FILE);
        String key = HexFormat.of().formatHex(SecretFile.readOrCreate(file));
        return List.of(new MapBackedConfigSource("otklik-session-key", Map.of(KEY, key), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
