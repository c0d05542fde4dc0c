package ru.otklik.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which thresholds an analysed post crosses. Pure: the facts come in, the candidates go out.
 *
 * <p>Conflict belongs to the post (its words are aggressive). Reach belongs to the incident when the post is
 * part of one, since the press service answers incidents, not single posts; otherwise to the post. Growth
 * belongs to the incident and to the thread the post comments on.
 */
public final class AlertRules {

    private final double conflict;
    private final long reach;
    private final int growthPosts;
    private final Duration growthWindow;

    public AlertRules(double conflict, long reach, int growthPosts, Duration growthWindow) {
        this.conflict = conflict;
        this.reach = reach;
        this.growthPosts = growthPosts;
        this.growthWindow = growthWindow;
    }

    public static AlertRules of(AlertConfig config) {
        return new AlertRules(config.conflict(), config.reach(), config.growth().posts(), config.growth().window());
    }

    public Duration growthWindow() {
        return growthWindow;
    }

    public List<AlertCandidate> evaluate(AlertFacts f) {
        List<AlertCandidate> alerts = new ArrayList<>();
        if (f.conflictScore() >= conflict) {
            alerts.add(new AlertCandidate(AlertKind.CONFLICT, "post", f.postId(), f.conflictScore(), conflict,
                    String.format(Locale.ROOT, "Конфликтный пост: оценка %.2f", f.conflictScore())));
        }
        if (f.incidentId() != null) {
            if (f.incidentReach() >= reach) {
                alerts.add(new AlertCandidate(AlertKind.REACH, "incident", f.incidentId(), f.incidentReach(), reach,
                        "Инцидент №" + f.incidentId() + " набрал охват " + number(f.incidentReach())));
            }
            if (f.incidentRecentPosts() >= growthPosts) {
                alerts.add(new AlertCandidate(AlertKind.GROWTH, "incident", f.incidentId(), f.incidentRecentPosts(),
                        growthPosts, "Инцидент №" + f.incidentId() + " быстро растёт: " + f.incidentRecentPosts()
                        + " постов за " + window()));
            }
        } else if (f.postReach() >= reach) {
            alerts.add(new AlertCandidate(AlertKind.REACH, "post", f.postId(), f.postReach(), reach,
                    "Пост набрал охват " + number(f.postReach())));
        }
        if (f.threadRootId() != null && f.threadRecentPosts() >= growthPosts) {
            alerts.add(new AlertCandidate(AlertKind.GROWTH, "thread", f.threadRootId(), f.threadRecentPosts(),
                    growthPosts, "Быстро растущее обсуждение: " + f.threadRecentPosts() + " комментариев за " + window()));
        }
        return alerts;
    }

    private String window() {
        if (growthWindow.toMinutes() % 60 == 0) {
            return growthWindow.toHours() + " ч";
        }
        return growthWindow.toMinutes() + " мин";
    }

    private static String number(long n) {
        // Russian digit grouping with a narrow no-break space: 12 345
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202f');
    }
}
