package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The runners by chip, as the platform last gave them, so the volunteer sees who passes. Fetched when the agent
 * starts and again every few minutes while the network allows: entries change until the start, and without it
 * the page shows chips alone.
 */
public final class StartList {

    private static final Logger LOG = Logger.getLogger(StartList.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param name null when the runner keeps it hidden */
    public record Runner(int bib, String name) {
    }

    private final Platform platform;
    private volatile Map<String, Runner> byChip = Map.of();

    public StartList(Platform platform) {
        this.platform = platform;
    }

    public Runner wearing(String chip) {
        return byChip.get(chip);
    }

    public int size() {
        return byChip.size();
    }

    /** @return whether the platform gave the list; the one held before stays otherwise */
    public boolean fetch() throws InterruptedException {
        try {
            HttpResponse<String> answer = platform.get("/api/devices/start-list");
            if (answer.statusCode() != 200) {
                LOG.warning("Start list: the platform answered " + answer.statusCode());
                return false;
            }
            Map<String, Runner> runners = new HashMap<>();
            for (JsonNode runner : JSON.readTree(answer.body())) {
                runners.put(runner.path("chip").asText(), new Runner(runner.path("bib").asInt(),
                        runner.path("name").isTextual() ? runner.path("name").asText() : null));
            }
            byChip = Map.copyOf(runners);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warning("Start list not fetched: " + e);
            return false;
        }
    }
}
