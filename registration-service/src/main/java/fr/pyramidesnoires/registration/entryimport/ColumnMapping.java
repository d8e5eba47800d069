package fr.pyramidesnoires.registration.entryimport;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of another platform's export holds which field of an entry, and how its dates are written. The
 * built-in mappings are EXAMPLES modelled on the usual headers of those platforms' exports, not certified formats:
 * an organiser whose export differs gives their own mapping.
 *
 * @param source  the platform, kept on each imported entry
 * @param columns the header of each field's column; fields not named are left empty
 */
record ColumnMapping(String source, Map<Field, String> columns, DateOrder dates) {

    /** An entry's fields that an import fills, by their names in the API. */
    enum Field {
        FIRST_NAME("firstName"), LAST_NAME("lastName"), SEX("sex"), BIRTH_DATE("birthDate"), EMAIL("email"),
        NATIONALITY("nationality"), CLUB("club"), LICENCE_NUMBER("licenceNumber"), PHONE("phone"),
        EMERGENCY_CONTACT_NAME("emergencyContactName"), EMERGENCY_CONTACT_PHONE("emergencyContactPhone"),
        PUBLISH_NAME("publishName"), BIB("bib");

        final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        static Optional<Field> named(String apiName) {
            return Arrays.stream(values()).filter(field -> field.apiName.equals(apiName)).findFirst();
        }
    }

    /** The fields without which there is no entry. */
    static final List<Field> REQUIRED = List.of(Field.FIRST_NAME, Field.LAST_NAME, Field.SEX, Field.BIRTH_DATE,
            Field.EMAIL);

    /** How a date with slashes reads: 03/04/1990 is 3 April in France, March 4 in the United States. */
    enum DateOrder {
        DAY_MONTH_YEAR, MONTH_DAY_YEAR
    }

    ColumnMapping {
        columns = Map.copyOf(columns);
    }

    /** A built-in mapping by its platform's name: njuko, ultrasignup or runsignup. */
    static Optional<ColumnMapping> builtIn(String format) {
        return Optional.ofNullable(switch (format.toLowerCase(Locale.ROOT)) {
            // a French platform: semicolons, French headers, day first
            case "njuko" -> new ColumnMapping("njuko", columns(Field.LAST_NAME, "Nom", Field.FIRST_NAME, "Prénom",
                    Field.SEX, "Sexe", Field.BIRTH_DATE, "Date de naissance", Field.EMAIL, "Email",
                    Field.NATIONALITY, "Nationalité", Field.CLUB, "Club", Field.LICENCE_NUMBER, "Numéro de licence",
                    Field.PHONE, "Téléphone", Field.BIB, "Dossard"), DateOrder.DAY_MONTH_YEAR);
            // United States platforms: commas, month first
            case "ultrasignup" -> new ColumnMapping("ultrasignup", columns(Field.FIRST_NAME, "First Name",
                    Field.LAST_NAME, "Last Name", Field.SEX, "Gender", Field.BIRTH_DATE, "DOB", Field.EMAIL, "Email",
                    Field.NATIONALITY, "Country", Field.CLUB, "Team", Field.PHONE, "Phone", Field.BIB, "Bib"),
                    DateOrder.MONTH_DAY_YEAR);
            case "runsignup" -> new ColumnMapping("runsignup", columns(Field.FIRST_NAME, "First Name",
                    Field.LAST_NAME, "Last Name", Field.SEX, "Gender", Field.BIRTH_DATE, "Date of Birth",
                    Field.EMAIL, "Email Address", Field.NATIONALITY, "Country", Field.CLUB, "Team Name",
                    Field.PHONE, "Phone", Field.BIB, "Bib Number"), DateOrder.MONTH_DAY_YEAR);
            default -> null;
        });
    }

    /**
     * The organiser's own mapping, {@code field:Header,field:Header...} with the API's field names
     * ({@code firstName:Prénom,lastName:Nom,...}); a header may hold ':' but not ','.
     *
     * @throws IllegalArgumentException naming the part that is not a field and a header
     */
    static ColumnMapping of(String mapping, String source, DateOrder dates) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (String pair : mapping.split(",")) {
            int colon = pair.indexOf(':');
            Optional<Field> field = colon < 0 ? Optional.empty() : Field.named(pair.substring(0, colon).strip());
            if (field.isEmpty() || pair.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException("'" + pair.strip() + "' : attendu champ:en-tête, champ parmi "
                        + names() + " / expected field:header, field among " + names());
            }
            if (columns.put(field.get(), pair.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException(field.get().apiName + " : nommé deux fois / named twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(field -> !columns.containsKey(field))
                .map(field -> field.apiName).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("il manque " + missing + " / missing " + missing);
        }
        return new ColumnMapping(source, columns, dates);
    }

    private static String names() {
        return Arrays.stream(Field.values()).map(field -> field.apiName).toList().toString();
    }

    private static Map<Field, String> columns(Object... fieldsAndHeaders) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (int i = 0; i < fieldsAndHeaders.length; i += 2) {
            columns.put((Field) fieldsAndHeaders[i], (String) fieldsAndHeaders[i + 1]);
        }
        return columns;
    }
}
