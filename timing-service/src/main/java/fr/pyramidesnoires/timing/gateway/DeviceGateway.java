package fr.pyramidesnoires.timing.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.account.Scope;
import fr.pyramidesnoires.timing.kafka.EventPublisher;
import fr.pyramidesnoires.timing.read.ReadRules;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * For readers that cannot speak Kafka: a device posts its reads in batches and learns, read by read, which ones
 * timing cannot use. Those are forwarded all the same, so that timing keeps them where officials look.
 */
@Path("/api/devices/reads")
@RolesAllowed(Account.DEVICE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceGateway {

    private static final Logger LOG = Logger.getLogger(DeviceGateway.class);

    /** @param index position of the read in the posted batch */
    public record Refusal(int index, String reason) {
    }

    /** @param receivedAt the platform's clock as it took the batch: an agent compares its own and its reader's */
    public record Receipt(int accepted, List<Refusal> refused, Instant receivedAt) {
    }

    final EventPublisher publisher;
    final SecurityIdentity identity;

    DeviceGateway(EventPublisher publisher, SecurityIdentity identity) {
        this.publisher = publisher;
        this.identity = identity;
    }

    @POST
    public Receipt post(@NotNull @Size(max = 10_000, message = "au plus {max} lectures par envoi / at most {max} reads"
            + " a batch") List<JsonNode> reads) {
        Instant receivedAt = Instant.now();
        String device = identity.getPrincipal().getName();
        refuseOtherMats(device, reads);
        List<EventPublisher.Message> messages = new ArrayList<>(reads.size());
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            String text = String.valueOf(reads.get(i));
            String problem;
            ChipRead signed = null;
            try {
                signed = signed(device, EventJson.read(text, ChipRead.class));
                problem = ReadRules.problem(signed);
            } catch (EventJson.MalformedEventException e) {
                problem = e.getMessage();
            }
            if (problem == null) {
                messages.add(new EventPublisher.Message(Topics.CHIP_READS, signed.chipId(), signed));
            } else {
                refused.add(new Refusal(i, problem));
                messages.add(new EventPublisher.Message(Topics.CHIP_READS, device, new EventPublisher.Raw(text)));
            }
        }
        publisher.sendAll(messages);
        return new Receipt(reads.size() - refused.size(), refused, receivedAt);
    }

    /**
     * The account, not the payload, says which device made the read; the reader the device names, one of an
     * agent's main and backup lines, stays after it, so that with the agent's journal sequence it names the read
     * end to end.
     */
    private static ChipRead signed(String device, ChipRead read) {
        if (read == null) {
            return null;
        }
        String reader = read.readerId() == null || read.readerId().isBlank() ? device : device + "/" + read.readerId();
        return new ChipRead(reader, read.matId(), read.chipId(), read.readTime(), read.antenna(), read.rssi(),
                read.sequence(), ChipRead.Source.MAT);
    }

    /**
     * A device reads for the mats its account names. A batch naming another mat is refused whole, before anything
     * of it is sent: it comes from a device set up wrong or from stolen credentials, and neither should put reads,
     * not even quarantined ones, under another mat's name. A read whose mat cannot be told is malformed, as before.
     */
    private void refuseOtherMats(String device, List<JsonNode> reads) {
        Scope mats = Scope.of(identity);
        List<Problem.FieldError> others = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            JsonNode mat = reads.get(i) == null ? null : reads.get(i).get("matId");
            // a number or a boolean would be read as a mat's name too: only a name the account holds passes
            if (mat != null && !mat.isNull() && (!mat.isTextual() || !mats.allows(mat.asText()))) {
                others.add(new Problem.FieldError("[" + i + "].matId", "tapis d'un autre lecteur / another device's mat"));
            }
        }
        if (!others.isEmpty()) {
            LOG.warnf("Device %s refused: %d read(s) of its batch for mats outside %s", device, others.size(), mats);
            throw new ProblemException(new Problem(Problem.TYPES + "other-mat", "Autre tapis / Other mat", 403,
                    "Ce lecteur lit pour " + mats + " ; rien de cet envoi n'est pris / This device reads for " + mats
                            + "; nothing of this batch is taken", others));
        }
    }
}
