package ru.otklik.web.review;

/**
 * An analyst's verdict on a flagged post.
 *
 * @param action       {@code confirm} (the analysis is right), {@code reject} (not a complaint or conflict) or
 *                     {@code correct} (a complaint, with the fields given here replacing the model's)
 * @param topic        rubric code; null keeps the model's
 * @param agency       agency code; null keeps the model's
 * @param municipality municipality code; null keeps the model's
 */
public record ReviewRequest(Long postId, String action, String topic, String agency, String municipality,
                            String comment) {
}
