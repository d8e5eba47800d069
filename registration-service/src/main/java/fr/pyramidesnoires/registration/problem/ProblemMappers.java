package fr.pyramidesnoires.registration.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal of the API as application/problem+json, naming the fields or the race rule at fault. */
public class ProblemMappers {

    private static final String TYPE = "https://pyramides-noires.fr/problems/";

    @ServerExceptionMapper
    public Response refused(EntryRefused e) {
        return problem(new Problem(TYPE + e.rule(), "Inscription refusée / Entry refused", e.status(),
                e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return problem(new Problem(TYPE + "invalid-fields", "Champs invalides / Invalid fields", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        List<Problem.FieldError> errors = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? List.of(new Problem.FieldError(path(mapping), "has a value of the wrong form"))
                : List.of();
        return problem(new Problem(TYPE + "unreadable-body", "Requête illisible / Unreadable request", 400,
                e.getOriginalMessage(), errors));
    }

    /** Named apart because Quarkus REST has its own, plain JSON, mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody);
        }
        int status = e.getResponse().getStatus();
        return problem(new Problem(TYPE + "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                status, e.getMessage(), List.of()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "register.request.birthDate" becomes "birthDate": the client knows its own body, not our method names. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : "body";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
