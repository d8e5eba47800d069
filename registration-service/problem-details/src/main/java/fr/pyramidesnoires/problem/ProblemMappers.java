package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every refusal as application/problem+json, naming the fields at fault; to a browser that asked for a page, the
 * same problem as a short readable page, since a runner or a volunteer who followed a dead link gets no use from
 * JSON.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(ProblemException e, HttpHeaders headers) {
        return answer(e.problem(), headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return answer(new Problem(Problem.TYPES + "invalid-fields", "Champs invalides / Invalid fields", 400, detail,
                errors), headers);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return UnreadableBody.of(e).response();
    }

    /** Named apart because Quarkus REST has its own, plain JSON, mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody);
        }
        int status = e.getResponse().getStatus();
        // one type for every body of the wrong kind, whether Quarkus REST or JsonBodies refused it
        String type = status == 415 ? "unsupported-media-type" : "http-" + status;
        return answer(Problem.of(status, type, title(status), detail(e, status)), headers);
    }

    /** The title of a refusal Quarkus REST made, or a resource made with a plain JAX-RS exception. */
    private static String title(int status) {
        return switch (status) {
            case 400 -> "Requête invalide / Bad request";
            case 404 -> "Introuvable / Not found";
            case 405 -> "Méthode non permise / Method not allowed";
            case 406 -> "Format de réponse indisponible / Not acceptable";
            case 415 -> JsonBodies.notJson().title();
            default -> status >= 500 ? "Erreur du serveur / Server error" : "Requête refusée / Request refused";
        };
    }

    /** A resource's own reason, French and English; Quarkus REST's own ("HTTP 404 Not Found") adds nothing. */
    private static String detail(WebApplicationException e, int status) {
        String message = e.getMessage();
        if (message != null && !message.startsWith("HTTP " + status)) {
            return message;
        }
        return switch (status) {
            case 404 -> "Rien à cette adresse / Nothing at this address";
            case 405 -> "Cette adresse ne prend pas cette méthode / This address does not take this method";
            case 415 -> "Cette adresse ne prend pas ce type de contenu (Content-Type) / This address does not take"
                    + " this content type (Content-Type)";
            default -> title(status);
        };
    }

    private static Response answer(Problem problem, HttpHeaders headers) {
        return problem.response(headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    /**
     * "register.request.birthDate" becomes "birthDate": the client knows its own body, not our method names; a text
     * given as a query or path parameter is named by it ("search.name" becomes "name").
     */
    private static String field(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        if (parts.length == 2 && violation.getInvalidValue() instanceof CharSequence) {
            return parts[1];
        }
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : "body";
    }
}
