package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A JSON body that cannot be read, told in the client's words: which field, and what form it should have. Jackson's
 * own message names our Java classes (a record, java.time.LocalDate), which mean nothing to a runner and show how
 * the service is built.
 */
final class UnreadableBody {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class, Number.class);
    private static final Set<Class<?>> DATE_TIMES = Set.of(OffsetDateTime.class, ZonedDateTime.class, Instant.class);

    private UnreadableBody() {
    }

    static Problem of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String fr;
        String en;
        if (field.isEmpty() && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content")) {
            return problem("Le corps est vide / The body is empty", List.of());
        }
        if (e instanceof PropertyBindingException) {
            fr = "champ inconnu";
            en = "unknown field";
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            String[] form = form(mismatched.getTargetType());
            fr = "doit être " + form[0];
            en = "must be " + form[1];
        } else if (e instanceof JsonMappingException) {
            fr = "valeur refusée";
            en = "value refused";
        } else {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (ligne " + at.getLineNr() + ", colonne " + at.getColumnNr() + ")";
            String whereEn = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return problem("Le corps n'est pas du JSON lisible" + where + " / The body is not readable JSON" + whereEn,
                    List.of());
        }
        if (field.isEmpty()) {
            return problem("Le corps " + fr + " / The body " + en, List.of());
        }
        return problem(field + " : " + fr + " / " + field + ": " + en,
                List.of(new Problem.FieldError(field, fr + " / " + en)));
    }

    private static Problem problem(String detail, List<Problem.FieldError> errors) {
        return new Problem(Problem.TYPES + "unreadable-body", "Requête illisible / Unreadable request", 400, detail,
                errors);
    }

    /** What a value of this type looks like in JSON, in French and in English. */
    private static String[] form(Class<?> type) {
        if (type == LocalDate.class) {
            return new String[] {"une date AAAA-MM-JJ, par exemple 1990-05-14", "a date YYYY-MM-DD, e.g. 1990-05-14"};
        }
        if (DATE_TIMES.contains(type)) {
            return new String[] {"une date et heure avec décalage, par exemple 2027-03-20T09:00:00+01:00",
                    "a date and time with offset, e.g. 2027-03-20T09:00:00+01:00"};
        }
        if (type == LocalDateTime.class) {
            return new String[] {"une date et heure, par exemple 2027-03-20T09:00:00",
                    "a date and time, e.g. 2027-03-20T09:00:00"};
        }
        if (type == LocalTime.class) {
            return new String[] {"une heure HH:MM:SS", "a time HH:MM:SS"};
        }
        if (type == Duration.class) {
            return new String[] {"une durée, par exemple PT1H30M", "a duration, e.g. PT1H30M"};
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return new String[] {"un nombre entier", "a whole number"};
        }
        if (NUMBERS.contains(type)) {
            return new String[] {"un nombre", "a number"};
        }
        if (type == boolean.class || type == Boolean.class) {
            return new String[] {"true ou false", "true or false"};
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(v -> withAliases((Enum<?>) v))
                    .collect(Collectors.joining(", "));
            return new String[] {"l'une des valeurs " + values, "one of " + values};
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return new String[] {"un texte entre guillemets", "a text in quotes"};
        }
        if (type == UUID.class) {
            return new String[] {"un identifiant UUID", "a UUID"};
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return new String[] {"une liste [...]", "a list [...]"};
        }
        return new String[] {"un objet JSON {...}", "a JSON object {...}"};
    }

    /** "H/M": a value another spelling of which is read too is told with it, so the client sees both. */
    private static String withAliases(Enum<?> constant) {
        try {
            JsonAlias alias = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonAlias.class);
            return alias == null ? constant.name() : constant.name() + "/" + String.join("/", alias.value());
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    /** "person.birthDate", "reads.[2].readTime": the fields as the client wrote them. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
