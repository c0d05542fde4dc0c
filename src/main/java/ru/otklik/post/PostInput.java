package ru.otklik.post;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item of {@code POST /api/posts} as the OpenAPI document describes it. The items are read by
 * {@link PostInputParser}, not bound to this record, so that a bad item is refused alone with its reason.
 */
@Schema(name = "PostInput", description = "Пост от внешнего поставщика. Элемент, нарушающий ограничения, отклоняется "
        + "с причиной (status rejected), остальные элементы пакета сохраняются. Ни одно строковое значение, включая "
        + "вложенные, не может содержать символ NUL (\\u0000).")
public record PostInput(
        @Schema(required = true, maxLength = PostLimits.SOURCE_KEY,
                description = "Ключ источника; неизвестный ключ создаёт источник вида api") String source,
        @Schema(required = true, maxLength = PostLimits.EXTERNAL_ID,
                description = "Идентификатор поста в источнике (строка или целое число)") String externalId,
        @Schema(required = true, maxLength = PostLimits.TEXT) String text,
        @Schema(required = true, description = "ISO 8601 со смещением; не раньше 2000-01-01T00:00:00Z и не позже "
                + "чем через сутки от текущего времени") OffsetDateTime publishedAt,
        @Schema(maxLength = PostLimits.URL) String url,
        @Schema(maxLength = PostLimits.AUTHOR, description = "Идентификатор автора на платформе") String author,
        @Schema(maxLength = PostLimits.TITLE) String title,
        @Schema(maxLength = PostLimits.EXTERNAL_ID,
                description = "externalId поста того же источника, к которому это комментарий") String parentExternalId,
        Metrics metrics) {

    /** Engagement counters: each a non-negative 64-bit integer, or absent. */
    @Schema(name = "PostInputMetrics")
    public record Metrics(
            @Schema(minimum = "0", maximum = "9223372036854775807") Long likes,
            @Schema(minimum = "0", maximum = "9223372036854775807") Long reposts,
            @Schema(minimum = "0", maximum = "9223372036854775807") Long comments,
            @Schema(minimum = "0", maximum = "9223372036854775807") Long views) {
    }
}
