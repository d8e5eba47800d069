package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
        List<Problem.FieldError> errors = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? List.of(new Problem.FieldError(path(mapping),
                        "valeur de forme inattendue / has a value of the wrong form"))
                : List.of();
        return new Problem(Problem.TYPES + "unreadable-body", "Requête illisible / Unreadable request", 400,
                e.getOriginalMessage(), errors).response();
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
        return answer(Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage()), headers);
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

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
