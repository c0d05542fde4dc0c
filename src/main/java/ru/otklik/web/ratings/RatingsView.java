package ru.otklik.web.ratings;

import java.util.List;

/**
 * The ratings page's data: agencies' facts, the topic × municipality heat table, the weekly trend per topic
 * and the spikes. {@code chartJson} is the same data shaped for ECharts.
 */
public record RatingsView(int days, List<AgencyLine> agencies, HeatTable heat, List<Spikes.Spike> spikes,
                          String chartJson) {

    /**
     * One agency's record over the period.
     *
     * @param inTimePercent share of resolved incidents resolved by their deadline; null when none was resolved
     * @param firstResponseHours mean hours to the first response; null when nobody responded yet
     */
    public record AgencyLine(String code, String name, long total, long open, long overdue, long resolved,
                             Integer inTimePercent, Double firstResponseHours) {

        public String level() {
            if (overdue > 0) {
                return "overdue";
            }
            return inTimePercent != null && inTimePercent < 80 ? "warning" : "ok";
        }
    }

    /** Counts by topic (rows) and municipality (columns), with the largest cell for shading. */
    public record HeatTable(List<String> topics, List<String> topicNames, List<String> municipalities,
                            List<String> municipalityNames, long[][] counts, long max) {

        public long count(int topic, int municipality) {
            return counts[topic][municipality];
        }

        /** Cell background: the accent colour at an opacity proportional to the count. */
        public String shade(int topic, int municipality) {
            long c = counts[topic][municipality];
            if (c == 0 || max == 0) {
                return "";
            }
            double alpha = 0.12 + 0.78 * c / max;
            return String.format(java.util.Locale.ROOT, "background: rgba(198, 40, 40, %.2f);%s", alpha,
                    alpha > 0.55 ? " color: #fff;" : "");
        }

        public long rowTotal(int topic) {
            long sum = 0;
            for (long c : counts[topic]) {
                sum += c;
            }
            return sum;
        }
    }
}
