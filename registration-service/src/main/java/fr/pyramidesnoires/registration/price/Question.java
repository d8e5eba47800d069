package fr.pyramidesnoires.registration.price;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question of the organiser's own that the entry form asks (will you take the bus, your club's name on the bib),
 * as the races file gives it.
 *
 * @param label   what the runner reads, French then English
 * @param choices the answers a choice question takes; none for another type
 */
public record Question(
        String code,
        String label,
        Type type,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> choices,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean required) {

    /** The longest text answer kept: a line or two, not a letter. */
    public static final int TEXT_MAX = 500;
    private static final Set<String> YES = Set.of("oui", "yes", "true");
    private static final Set<String> NO = Set.of("non", "no", "false");

    public enum Type {
        @JsonProperty("text") TEXT,
        @JsonProperty("choice") CHOICE,
        @JsonProperty("yesno") YESNO
    }

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * The answer as kept: a text stripped, a choice as the organiser wrote it, yes or no for a yes/no question; null
     * for no answer to a question not required.
     *
     * @param given what the runner gave, null or blank for no answer
     */
    String answer(String given) {
        String field = "answers." + code;
        String answer = given == null ? "" : given.strip();
        if (answer.isEmpty()) {
            if (required) {
                throw new PriceRefused("answer-required", "Répondez à la question « " + label + " » / Answer the"
                        + " question \"" + label + "\"", field);
            }
            return null;
        }
        return switch (type) {
            case TEXT -> {
                if (answer.length() > TEXT_MAX) {
                    throw new PriceRefused("answer-too-long", "La réponse à « " + label + " » dépasse " + TEXT_MAX
                            + " caractères / The answer to \"" + label + "\" is over " + TEXT_MAX + " characters",
                            field);
                }
                yield answer;
            }
            case CHOICE -> choices.stream().filter(answer::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> new PriceRefused("unknown-choice", "Pour « " + label + " », choisissez "
                            + String.join(", ", choices) + " / For \"" + label + "\", choose one of "
                            + String.join(", ", choices), field));
            case YESNO -> {
                String word = answer.toLowerCase(Locale.ROOT);
                if (YES.contains(word)) {
                    yield "yes";
                }
                if (NO.contains(word)) {
                    yield "no";
                }
                throw new PriceRefused("yes-or-no", "Répondez oui ou non à « " + label + " » / Answer yes or no"
                        + " to \"" + label + "\"", field);
            }
        };
    }
}
