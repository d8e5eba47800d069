package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * Batches to the platform's device gateway over HTTP(S), what a field laptop on 4G reaches. A batch counts as taken
 * only when the gateway's receipt accounts for each of its reads, taken or refused (a refused read is kept in the
 * platform's quarantine): a captive portal's page or a proxy's error is no receipt.
 */
public final class GatewayCarrier implements Carrier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOO_LARGE = 413;

    private final Platform platform;

    public GatewayCarrier(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Taken carry(List<ObjectNode> reads) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = platform.post("/api/devices/reads", JSON.writeValueAsString(reads));
        } catch (IOException e) {
            throw new IOException("platform unreachable: " + e, e);
        }
        if (answer.statusCode() == TOO_LARGE) {
            throw new TooLarge("platform answered 413 for " + reads.size() + " reads");
        }
        JsonNode receipt = answer.statusCode() / 100 == 2 ? receipt(answer.body()) : null;
        if (receipt == null || receipt.path("accepted").asInt(-1) + receipt.path("refused").size() != reads.size()) {
            throw new IOException("platform answered " + answer.statusCode() + ": " + abbreviated(answer.body()));
        }
        JsonNode at = receipt.get("receivedAt");
        Instant platformClock;
        try {
            platformClock = at != null && at.isTextual() ? Instant.parse(at.asText()) : null;
        } catch (DateTimeException e) {
            platformClock = null;
        }
        return new Taken(platformClock, receipt.path("refused").size());
    }

    private static JsonNode receipt(String body) {
        try {
            JsonNode receipt = JSON.readTree(body);
            return receipt != null && receipt.isObject() && receipt.path("refused").isArray() ? receipt : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
