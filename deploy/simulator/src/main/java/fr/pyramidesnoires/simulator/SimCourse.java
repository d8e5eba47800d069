package fr.pyramidesnoires.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A course as the organiser's courses file describes it: the simulator puts its mats where timing expects them.
 */
record SimCourse(String raceCode, List<Point> points) {

    record Point(String id, String matId, double km, int elevationGainM, Duration cutoff) {

        /** FFA km-effort from the start: km + D+/100. */
        double kmEffort() {
            return km + elevationGainM / 100.0;
        }
    }

    static List<SimCourse> load(Path coursesFile) throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return List.of(json.readValue(coursesFile.toFile(), SimCourse[].class));
    }
}
