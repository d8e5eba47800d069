package fr.pyramidesnoires.registration.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.price.Bill;
import fr.pyramidesnoires.registration.price.Question;
import fr.pyramidesnoires.registration.race.Race;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An entry's bill, line by line, and the runner's answers to the race's questions, as the runner's and the
 * organiser's pages show them; an entry from before payments has neither.
 *
 * @param lines   the entry fee under its price's name, each extra, the discount, the donation
 * @param answers each question the runner answered, in the race's order
 */
public record BillView(List<Line> lines, String totalFr, String totalEn, List<Answer> answers) {

    /** @param detail the extra's size and how many, when it has them */
    public record Line(String label, String detail, String amountFr, String amountEn) {
    }

    public record Answer(String question, String answer) {
    }

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    public boolean empty() {
        return lines.isEmpty() && answers.isEmpty();
    }

    public static BillView of(Entry entry, ObjectMapper json, EventSettings event) {
        try {
            List<Line> lines = List.of();
            String totalFr = null;
            String totalEn = null;
            Bill bill = EntryPrices.billOf(entry, json);
            if (bill != null) {
                lines = bill.lines().stream().map(line -> new Line(line.label(), detail(line, event),
                        event.centsFr(line.amountCents()), event.centsEn(line.amountCents()))).toList();
                totalFr = event.centsFr(bill.totalCents());
                totalEn = event.centsEn(bill.totalCents());
            }
            List<Answer> answers = entry.answers == null ? List.of() : answers(json.readValue(entry.answers, ANSWERS),
                    Race.<Race>findByIdOptional(entry.raceCode).map(race -> race.paymentTerms().questions())
                            .orElse(List.of()));
            return new BillView(lines, totalFr, totalEn, answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The bill of entry " + entry.id + " cannot be read", e);
        }
    }

    private static String detail(Bill.Line line, EventSettings event) {
        if (line.kind() != Bill.Kind.EXTRA) {
            return null;
        }
        return (line.size() == null ? "" : "taille " + line.size() + " / size " + line.size() + ", ")
                + line.quantity() + " × " + event.centsFr(line.unitCents());
    }

    /** Labelled by the race's questions as they are now; one the organiser has since taken off keeps its code. */
    private static List<Answer> answers(Map<String, String> given, List<Question> questions) {
        Map<String, String> labels = questions.stream().collect(Collectors.toMap(Question::code, Question::label));
        return given.entrySet().stream().map(answer -> new Answer(labels.getOrDefault(answer.getKey(),
                answer.getKey()), switch (answer.getValue()) {
                    case "yes" -> "oui / yes";
                    case "no" -> "non / no";
                    default -> answer.getValue();
                })).toList();
    }
}
