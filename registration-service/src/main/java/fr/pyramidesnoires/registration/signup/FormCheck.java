package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.certificate.Certificates;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.race.Race;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reads a runner form into the API's request, naming each field at fault the way the form shows it. */
@ApplicationScoped
public class FormCheck {

    /**
     * @param order  the chosen race's answers and extras, to name the form's field a price rule refuses
     * @param errors by field name; empty when the form may go to the registration rules
     */
    record Checked(RegistrationRequest request, RaceOrder order, byte[] certificate, Map<String, String> errors) {

        /** Puts a refusal of the registration rules beside its field. */
        void refused(Problem problem) {
            errors.put(order.formField(fieldOf(problem)), problem.detail());
        }
    }

    final Validator validator;
    final Certificates certificates;
    final EventSettings event;

    FormCheck(Validator validator, Certificates certificates, EventSettings event) {
        this.validator = validator;
        this.certificates = certificates;
        this.event = event;
    }

    Checked check(RunnerForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Race race = form.raceCode == null || form.options.isEmpty() ? null : Race.findById(form.raceCode.strip());
        RaceOrder order = race == null ? RaceOrder.NONE
                : RaceOrder.read(race.code, race.paymentTerms(), form.options, errors);
        RegistrationRequest request = form.toRequest(event, order, errors);
        for (ConstraintViolation<RegistrationRequest> violation : validator.validate(request)) {
            // an answer's path is answers[bus].<map value>: the form shows it beside question bus
            String field = violation.getPropertyPath().toString().replaceFirst("^answers\\[(\\w+)].*", "answers.$1");
            errors.putIfAbsent(order.formField(field), violation.getMessage());
        }
        byte[] certificate = event.ffaEligibility() && form.certificateChosen()
                ? certificate(form.certificate, errors) : null;
        return new Checked(request, order, certificate, errors);
    }

    /**
     * Registers or transfers with the checked request and keeps the certificate with the entry, both in one
     * transaction of their own: a certificate refused after the entry undoes the entry too.
     */
    Entry submit(Checked checked, Function<RegistrationRequest, Entry> action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Entry entry = action.apply(checked.request());
            if (checked.certificate() != null) {
                certificates.store(entry, checked.certificate());
            }
            return entry;
        });
    }

    /**
     * The field a refused entry's rule is about, so the reason shows beside it: the request's field the problem
     * names (answers.bus, extras[0].size, discountCode) when the rule is not one of the form's own; "form" for the
     * whole form.
     */
    static String fieldOf(Problem problem) {
        return switch (problem.type().substring(Problem.TYPES.length())) {
            case "unknown-race", "entries-not-open", "entries-closed", "no-bib-left", "transfer-keeps-race" ->
                    "raceCode";
            case "already-entered" -> "lastName";
            case "birth-date", "km-effort-limit", "ultra-age", "minimum-age" -> "birthDate";
            case "waiver-not-accepted" -> "waiverAccepted";
            case "licence-format", "licence-in-use" -> "licenceNumber";
            case "pps-in-use" -> "ppsNumber";
            case "pps-date", "pps-expired" -> "ppsDate";
            case "health-proof" -> "proof";
            case "certificate-not-accepted", "certificate-too-large", "certificate-not-pdf" -> "certificate";
            default -> problem.errors() == null || problem.errors().isEmpty() ? "form"
                    : problem.errors().get(0).field();
        };
    }

    /** The uploaded PDF, or null with the reason in the errors. */
    byte[] certificate(FileUpload upload, Map<String, String> errors) {
        if (upload == null || upload.size() == 0) {
            errors.put("certificate", "Joignez votre certificat en PDF / attach your certificate as a PDF");
            return null;
        }
        try {
            return certificates.read(Files.newInputStream(upload.uploadedFile()));
        } catch (ProblemException refused) {
            errors.put("certificate", refused.problem().detail());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded certificate", e);
        }
    }
}
