package fr.pyramidesnoires.registration.signup;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/**
 * Each form field's name, French first and English after, for its label and for the error summary that links
 * to it: {label:of('firstName')}. A namespace, so that the form's tags reach it too.
 */
@TemplateExtension(namespace = "label")
public final class Labels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("raceCode", "Course / Race"),
            Map.entry("firstName", "Prénom / First name"),
            Map.entry("lastName", "Nom / Last name"),
            Map.entry("sex", "Sexe / Sex"),
            Map.entry("birthDate", "Date de naissance / Birth date"),
            Map.entry("nationality", "Nationalité (code à 3 lettres, ex. FRA, BEL) / Nationality (3 letters)"),
            Map.entry("club", "Club (facultatif) / Club (optional)"),
            Map.entry("email", "E-mail"),
            Map.entry("phone", "Téléphone / Phone"),
            Map.entry("emergencyContactName", "Personne à prévenir / Emergency contact"),
            Map.entry("emergencyContactPhone", "Son téléphone / Their phone"),
            Map.entry("proof", "Justificatif de santé / Health proof"),
            Map.entry("licenceNumber", "N° de licence FFA / FFA licence number"),
            Map.entry("ppsNumber", "N° de PPS / PPS number"),
            Map.entry("ppsDate", "Date du PPS / PPS date"),
            Map.entry("certificate", "Certificat médical (PDF) / Medical certificate (PDF)"),
            Map.entry("waiverAccepted", "J'accepte la décharge de responsabilité ci-dessus"
                    + " / I accept the waiver above"),
            Map.entry("rulesAccepted", "J'ai lu et j'accepte le règlement / I have read and accept the rules"),
            Map.entry("publishName", "Publier mon nom dans les résultats / Publish my name in the results"),
            Map.entry("discountCode", "Code de réduction (facultatif) / Discount code (optional)"),
            Map.entry("form", "Inscription / Entry"));

    private Labels() {
    }

    /** A race's own question or extra ({@link RaceOrder}) says what it is in the reason beside it. */
    static String of(String field) {
        return RaceOrder.isOption(field) ? "Questions et options de la course / Race's questions and extras"
                : LABELS.getOrDefault(field, field);
    }
}
