package ru.otklik.incident.followup;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code otklik.followup.*}: how comments under an incident's posts are read. */
@ConfigMapping(prefix = "otklik.followup")
public interface FollowUpConfig {

    /**
     * The region's official accounts, by author handle as the crawler stores it — VK communities
     * ({@code club123456}, {@code tula_adm}) and Telegram channels ({@code tularegion}). A comment
     * by one of them under an incident's post is the agency's first response.
     */
    Optional<List<String>> officialAccounts();
}
