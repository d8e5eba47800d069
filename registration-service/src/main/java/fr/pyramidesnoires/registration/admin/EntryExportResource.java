package fr.pyramidesnoires.registration.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.payment.Payment;
import fr.pyramidesnoires.registration.price.Cents;
import fr.pyramidesnoires.registration.price.ExtraChoice;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin")
@Produces(Csv.MEDIA_TYPE)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: exports")
public class EntryExportResource {

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<List<ExtraChoice>> EXTRAS = new TypeReference<>() {
    };

    final ObjectMapper json;

    EntryExportResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @Path("entries.csv")
    @Transactional
    @Operation(summary = "Every entry with every field, private ones included, of one race or of all; its answers "
            + "to the race's questions (code=answer | ...), its extras (code size ×quantity | donation amount | ...), "
            + "and its amounts due, paid and refunded in the event's currency")
    public Response entries(@QueryParam("race") @PlainText String race) throws JsonProcessingException {
        StringBuilder csv = new StringBuilder(Csv.line("id", "race", "status", "bib", "chip", "waitlistedAt",
                "lastName", "firstName", "sex", "birthDate", "category", "nationality", "club", "publishName",
                "email", "phone", "emergencyContactName", "emergencyContactPhone", "licenceNumber", "ppsNumber",
                "ppsDate", "medicalCertificate", "waiverAcceptedAt", "documentsCheckedBy", "documentsCheckedAt",
                "createdAt", "importedFrom", "answers", "extras", "amountDue", "amountPaid", "amountRefunded"));
        Sort order = Sort.by("raceCode").and("bib", Sort.NullPrecedence.NULLS_LAST).and("createdAt").and("id");
        List<Entry> entries = race == null || race.isBlank() ? Entry.listAll(order)
                : Entry.list("raceCode", order, race);
        Map<UUID, Long> paid = sums("""
                select p.entryId, sum(p.amountCents) from Payment p where p.status = ?1 group by p.entryId""");
        Map<UUID, Long> refunded = sums("""
                select p.entryId, sum(r.amountCents) from PaymentRefund r, Payment p
                where r.paymentId = p.id and p.status = ?1 group by p.entryId""");
        for (Entry e : entries) {
            csv.append(Csv.line(e.id, e.raceCode, e.status, e.bib, e.chip, e.waitlistedAt, e.lastName, e.firstName,
                    e.sex, e.birthDate, e.category, e.nationality, e.club, e.publishName, e.email, e.phone,
                    e.emergencyContactName, e.emergencyContactPhone, e.licenceNumber, e.ppsNumber, e.ppsDate,
                    e.medicalCertificate, e.waiverAcceptedAt, e.documentsCheckedBy, e.documentsCheckedAt, e.createdAt,
                    e.importedFrom, answers(e.answers), extras(e.extras), Cents.amount(e.amountDueCents),
                    Cents.amount(paid.getOrDefault(e.id, 0L)), Cents.amount(refunded.getOrDefault(e.id, 0L))));
        }
        return Csv.download(csv, race == null || race.isBlank() ? "inscriptions.csv" : "inscriptions-" + race + ".csv");
    }

    /** Each entry's sum of its paid payments' amounts, or of what went back of them, in one query for them all. */
    private static Map<UUID, Long> sums(String query) {
        Map<UUID, Long> sums = new HashMap<>();
        Entry.getEntityManager().createQuery(query, Object[].class).setParameter(1, Payment.Status.PAID)
                .getResultList().forEach(row -> sums.put((UUID) row[0], ((Number) row[1]).longValue()));
        return sums;
    }

    private String answers(String kept) throws JsonProcessingException {
        return kept == null ? null : json.readValue(kept, ANSWERS).entrySet().stream()
                .map(answer -> answer.getKey() + "=" + answer.getValue()).collect(Collectors.joining(" | "));
    }

    /** A donation by its amount, an extra by its size and how many. */
    private String extras(String kept) throws JsonProcessingException {
        return kept == null ? null : json.readValue(kept, EXTRAS).stream()
                .map(extra -> extra.code() + (extra.donationCents() != null
                        ? " " + Cents.amount(extra.donationCents()).toPlainString()
                        : (extra.size() == null ? "" : " " + extra.size()) + " ×" + extra.quantity()))
                .collect(Collectors.joining(" | "));
    }
}
