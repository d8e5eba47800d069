package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Logger;

/** Tells the platform's mat board how the mat's readers and this agent go: clocks, backlog, last delivery. */
public final class StatusReport {

    private static final Logger LOG = Logger.getLogger(StatusReport.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final String matId;

    public StatusReport(Platform platform, String matId) {
        this.platform = platform;
        this.matId = matId;
    }

    /** @return whether the platform took it; a report lost with the network is replaced by the next */
    public boolean send(List<ReaderTap.State> readers, Journal journal, Delivery delivery)
            throws InterruptedException {
        ObjectNode report = JSON.createObjectNode().put("matId", matId).put("backlog", journal.waiting());
        if (delivery.lastDelivery() != null) {
            report.put("lastDelivery", delivery.lastDelivery().toString());
        }
        if (delivery.platformClock() != null) {
            report.put("platformClock", delivery.platformClock().toMillis());
        }
        ArrayNode list = report.putArray("readers");
        for (ReaderTap.State reader : readers) {
            ObjectNode r = list.addObject().put("readerId", reader.readerId()).put("protocol", reader.protocol())
                    .put("connected", reader.connected());
            if (reader.lastRead() != null) {
                r.put("lastRead", reader.lastRead().toString());
            }
            if (reader.readerClock() != null) {
                r.put("readerClock", reader.readerClock().toMillis());
            }
        }
        try {
            HttpResponse<String> answer = platform.post("/api/devices/status", report.toString());
            if (answer.statusCode() / 100 != 2) {
                LOG.warning("Status report: the platform answered " + answer.statusCode() + " " + answer.body());
            }
            return answer.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        }
    }
}
