package ru.otklik.crawler.vk;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.otklik.crawler.CrawlerConfig;

/**
 * VK's limits as the crawler keeps them: daily quotas per method (counted per Moscow day, when VK resets them),
 * a method paused after error 29 until that reset, and the token paused after a captcha (error 14).
 * Kept in memory: after a restart the counts start from zero, and VK's own error 29 still stops an overrun.
 */
@ApplicationScoped
public class VkLimits {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Clock clock;
    private final Map<String, Integer> quotas;
    private final Map<String, AtomicInteger> used = new ConcurrentHashMap<>();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private volatile LocalDate day;

    public VkLimits(CrawlerConfig config, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.quotas = Map.of("wall.get", config.vk().wallGetDailyQuota(),
                "newsfeed.search", config.vk().newsfeedSearchDailyQuota());
        this.day = today();
        quotas.keySet().forEach(method -> Gauge.builder("otklik.crawler.vk.quota.used", () -> usedToday(method))
                .tag("method", method).description("VK API calls made today (Moscow day) against the daily quota")
                .register(registry));
    }

    /** Why the method cannot be called now and until when, or null when it can. */
    public synchronized Block check(String method) {
        rollOver();
        Instant now = clock.instant();
        Instant token = pausedUntil.get("*");
        if (token != null && token.isAfter(now)) {
            return new Block("токен VK на паузе после капчи (ошибка 14)", token);
        }
        Instant paused = pausedUntil.get(method);
        if (paused != null && paused.isAfter(now)) {
            return new Block("метод " + method + " на паузе до сброса суточного лимита (ошибка 29)", paused);
        }
        Integer quota = quotas.get(method);
        if (quota != null && usedToday(method) >= quota) {
            return new Block("суточная квота " + method + " (" + quota + ") исчерпана", nextReset());
        }
        return null;
    }

    /** A reason not to call, with the instant it lifts. */
    public record Block(String reason, Instant until) {
    }

    public synchronized void count(String method) {
        rollOver();
        used.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    public int usedToday(String method) {
        AtomicInteger n = used.get(method);
        return n == null ? 0 : n.get();
    }

    public Instant pauseMethodUntilReset(String method) {
        Instant until = nextReset();
        pausedUntil.put(method, until);
        return until;
    }

    public Instant pauseToken(java.time.Duration pause) {
        Instant until = clock.instant().plus(pause);
        pausedUntil.put("*", until);
        return until;
    }

    /** Next Moscow midnight, when VK's daily counters restart. */
    public Instant nextReset() {
        return LocalDate.now(clock.withZone(MOSCOW)).plusDays(1).atStartOfDay(MOSCOW).toInstant();
    }

    /** Forgets every pause and count (tests; an operator's restart does the same). */
    public synchronized void reset() {
        used.clear();
        pausedUntil.clear();
    }

    private void rollOver() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            used.clear();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MOSCOW));
    }
}
