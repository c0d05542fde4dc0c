package ru.otklik.rating;

import java.util.List;

/** Ratings for one period (or a month-by-month history) as the API returns them. */
public record RatingReport(String period, RatingDimension dimension, int minSample, List<RatingRow> rows) {
}
