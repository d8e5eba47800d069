package fr.pyramidesnoires.registration.admin;

import java.util.List;
import java.util.Map;

/**
 * How full the event is. Counts by sex and category are of confirmed entries: the people on the start line.
 *
 * @param races in start order
 */
public record Dashboard(List<RaceFill> races, long confirmed, long waitlisted, Map<String, Long> bySex,
                        Map<String, Long> byCategory) {

    /**
     * @param fillRate         confirmed / capacity, 0 to 1
     * @param documentsChecked confirmed entries whose documents an organiser checked
     */
    public record RaceFill(String code, String name, int capacity, long confirmed, long waitlisted, long cancelled,
                           double fillRate, long documentsChecked, Map<String, Long> bySex,
                           Map<String, Long> byCategory) {

        /** The fill rate as the dashboard page shows it. */
        public long percent() {
            return Math.round(fillRate * 100);
        }
    }
}
