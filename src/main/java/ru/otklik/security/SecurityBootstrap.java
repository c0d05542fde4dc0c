package ru.otklik.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Makes a fresh install usable without clicking: the first administrator from {@code OTKLIK_ADMIN_USER} /
 * {@code OTKLIK_ADMIN_PASSWORD}, and a machine key from {@code OTKLIK_BOOTSTRAP_API_KEY} that may write posts
 * and read feeds. Both are created only when absent; neither secret is ever logged.
 */
@ApplicationScoped
public class SecurityBootstrap {

    static final String BY = "bootstrap";
    /** A bootstrap key is chosen by an operator, so it is checked for the entropy generated keys have. */
    static final int MIN_KEY_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(SecurityBootstrap.class);
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final BootstrapConfig.Admin admin;
    private final BootstrapConfig.Key key;
    private final UserStore users;
    private final ApiKeyStore keys;
    private final PasswordHasher hasher;
    private final Clock clock;

    public SecurityBootstrap(BootstrapConfig.Admin admin, BootstrapConfig.Key key, UserStore users, ApiKeyStore keys,
                             PasswordHasher hasher, Clock clock) {
        this.admin = admin;
        this.key = key;
        this.users = users;
        this.keys = keys;
        this.hasher = hasher;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        createAdmin();
        registerKey();
    }

    private void createAdmin() {
        if (admin.user().isEmpty() || admin.password().isEmpty()) {
            if (admin.user().isPresent() != admin.password().isPresent()) {
                LOG.warn("OTKLIK_ADMIN_USER and OTKLIK_ADMIN_PASSWORD must be set together; no administrator bootstrapped");
            }
            return;
        }
        String username = UserRules.username(admin.user().get());
        if (users.findByUsername(username).await().atMost(WAIT) != null) {
            return;
        }
        String password = admin.password().get();
        if (password.length() < 10) {
            throw new IllegalStateException("OTKLIK_ADMIN_PASSWORD must be at least 10 characters long");
        }
        users.insert(username, hasher.hash(password), "Администратор", Set.of(Roles.ADMIN), null, BY, clock.instant())
                .await().atMost(WAIT);
        LOG.infof("Bootstrap administrator '%s' created from OTKLIK_ADMIN_USER", username);
    }

    private void registerKey() {
        if (key.apiKey().isEmpty()) {
            return;
        }
        String value = key.apiKey().get().strip();
        if (value.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("OTKLIK_BOOTSTRAP_API_KEY must be at least " + MIN_KEY_LENGTH
                    + " random characters (e.g. openssl rand -base64 33)");
        }
        ApiKeyRecord created = keys.insert("bootstrap", value, Set.of(Roles.POSTS_WRITE, Roles.FEEDS_READ), null, BY,
                clock.instant()).await().atMost(WAIT);
        if (created != null) {
            LOG.infof("Bootstrap API key #%d registered from OTKLIK_BOOTSTRAP_API_KEY (scopes posts:write, feeds:read)",
                    created.id());
        }
    }
}
