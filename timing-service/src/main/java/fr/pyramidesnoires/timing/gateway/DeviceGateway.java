package fr.pyramidesnoires.timing.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.account.Account;
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
import java.util.ArrayList;
import java.util.List;

/**
 * For readers that cannot speak Kafka: a device posts its reads in batches and learns, read by read, which ones
 * timing cannot use. Those are forwarded all the same, so that timing keeps them where officials look.
 */
@Path("/api/devices/reads")
@RolesAllowed(Account.DEVICE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceGateway {

    /** @param index position of the read in the posted batch */
    public record Refusal(int index, String reason) {
    }

    public record Receipt(int accepted, List<Refusal> refused) {
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
        String device = identity.getPrincipal().getName();
        List<EventPublisher.Message> messages = new ArrayList<>(reads.size());
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            String text = String.valueOf(reads.get(i));
            String problem;
            ChipRead read = null;
            try {
                read = EventJson.read(text, ChipRead.class);
                problem = ReadRules.problem(read);
            } catch (EventJson.MalformedEventException e) {
                problem = e.getMessage();
            }
            if (problem == null) {
                // the account, not the payload, says which device made the read
                ChipRead signed = new ChipRead(device, read.matId(), read.chipId(), read.readTime(), read.antenna(),
                        read.rssi(), read.sequence(), ChipRead.Source.MAT);
                messages.add(new EventPublisher.Message(Topics.CHIP_READS, signed.chipId(), signed));
            } else {
                refused.add(new Refusal(i, problem));
                messages.add(new EventPublisher.Message(Topics.CHIP_READS, device, new EventPublisher.Raw(text)));
            }
        }
        publisher.sendAll(messages);
        return new Receipt(reads.size() - refused.size(), refused);
    }
}
