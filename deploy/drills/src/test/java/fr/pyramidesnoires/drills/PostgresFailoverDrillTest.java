package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.simulator.Simulation;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The database's two drills, in this order on the shared cluster. First its primary is stopped mid-race and the
 * standby promoted with the scripted command: the services find the new primary by themselves, and the day ends
 * true, nothing committed lost. Then the database is rebuilt from the base backup taken before that race and the
 * WAL archived since, across the promotion, on the former primary's port (so the services' list of hosts finds it),
 * and the timing instances restarted on it show what they showed before. The cluster is left as it started: the
 * restored database its primary on the first port, a standby made from it on the second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresFailoverDrillTest {

    /** Taken before the first drill's race: the restore replays that race from the archive. */
    private static Path backupBeforeTheRace;
    private static Simulation day;

    @Test
    @Order(1)
    void thePrimaryStoppedMidRaceTheStandbyPromotedNothingCommittedIsLost() throws Exception {
        Cluster cluster = Cluster.get();
        day = cluster.prepare(50, 2929);
        Map<String, String> entries = entries(cluster);
        assertTrue(entries.size() >= day.registeredRunners(), "entries registered: " + entries.size());
        backupBeforeTheRace = PostgresStack.backup();
        ReadLedger ledger = ReadLedger.opened(cluster);
        try (Race race = Race.started(cluster, day)) {
            assertTrue(race.awaitMidRace(), "the race never reached its middle");
            PostgresStack.stopPrimary();
            PostgresStack.promoteStandby();
            race.awaitEnd();
        }
        cluster.assertGroundTruth(day);
        ledger.assertEveryReadArchived();
        // the entries committed before the switch, as the organisers see them from the new primary
        Map<String, String> after = entries(cluster);
        entries.forEach((id, entry) -> assertEquals(entry, after.get(id), "entry " + id + " after the promotion"));
    }

    @Test
    @Order(2)
    void restoredFromTheBaseBackupAndTheArchiveTheResultsAreTheSame() throws Exception {
        assertNotNull(backupBeforeTheRace, "the promotion drill runs first and takes the base backup");
        Cluster cluster = Cluster.get();
        Map<String, String> before = whatTheyShow(cluster);

        PostgresStack.restore(backupBeforeTheRace, PostgresStack.PRIMARY_PORT);
        try {
            // one at a time: nginx keeps a timing instance to answer while the other starts
            for (String timing : List.of("timing-1", "timing-2")) {
                cluster.kill(timing);
                cluster.startInstance(timing);
            }
            Map<String, String> after = whatTheyShow(cluster);
            before.forEach((what, shown) -> assertEquals(shown, after.get(what), what + " after the restore"));
            cluster.assertGroundTruth(day);
        } finally {
            // whole again for the next drill: a primary on the first port, its standby on the second
            PostgresStack.rebuildStandby();
        }
    }

    /** Every entry of the event as the organisers' API gives it: id, race, status, bib and chip. */
    private static Map<String, String> entries(Cluster cluster) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = cluster.get(cluster.registrationUrl() + "/api/admin/entries?size=500&page="
                    + page, Cluster.ORGANISER);
            assertEquals(200, response.statusCode(), response.body());
            JsonPath json = JsonPath.from(response.body());
            List<Map<String, Object>> rows = json.getList("entries");
            for (Map<String, Object> row : rows) {
                entries.put((String) row.get("id"), row.get("raceCode") + " " + row.get("status") + " bib "
                        + row.get("bib") + " chip " + row.get("chip"));
            }
            if ((long) (page + 1) * 500 >= json.getLong("total")) {
                return entries;
            }
        }
    }

    /**
     * What the public and the officials see of the day: each race's ranking through nginx, timing's doubtful
     * passages and cut-off flags, every official decision, and the entries.
     */
    private static Map<String, String> whatTheyShow(Cluster cluster) throws Exception {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String race : Cluster.RACES) {
            shown.put("ranking of " + race, ok(cluster.get(cluster.resultsUrl() + "/api/races/" + race + "/ranking",
                    null)));
            shown.put("doubtful passages of " + race, ok(cluster.get(cluster.timingUrl() + "/api/races/" + race
                    + "/doubtful-passages", Cluster.OFFICIAL)));
            shown.put("cut-off flags of " + race, ok(cluster.get(cluster.timingUrl() + "/api/races/" + race
                    + "/cutoff-flags", Cluster.OFFICIAL)));
        }
        shown.put("official decisions", ok(cluster.get(cluster.timingUrl() + "/api/decisions", Cluster.OFFICIAL)));
        shown.put("entries", new TreeSet<>(entries(cluster).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()).toString());
        return shown;
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
        return response.body();
    }
}
