package fr.pyramidesnoires.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An endpoint that reads JSON takes a body only when it says it is JSON. Quarkus REST reads a body without a
 * Content-Type as whatever the endpoint consumes, and a page of another site can send such a body (or text/plain)
 * without the browser asking this site first: a JSON body is the one kind a browser never sends across sites
 * unasked. Form endpoints (their own kinds) and the certificate upload (any type, checked by its content) are left
 * as they are.
 */
public class JsonBodies {

    /** Whether each resource method consumes JSON, looked up once. */
    private final Map<Method, Boolean> readsJson = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> requireJson(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !hasBody(request) || !readsJson.computeIfAbsent(method, JsonBodies::consumesJson)) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        return type != null && isJson(type) ? Optional.empty()
                : Optional.of(notJson().response(request.getHeaderString(HttpHeaders.ACCEPT)));
    }

    /** Also the answer when Quarkus REST finds no endpoint at the address that takes the body's type. */
    static Problem notJson() {
        return Problem.of(415, "unsupported-media-type", "Type de contenu non pris en charge / Unsupported media type",
                "Envoyez le corps en JSON avec l'en-tête Content-Type: application/json"
                        + " / Send the body as JSON with the header Content-Type: application/json");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.strip().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
    }

    private static boolean consumesJson(Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        if (consumes == null) {
            return false;
        }
        for (String value : consumes.value()) {
            for (String type : value.split(",")) {
                if (isJson(MediaType.valueOf(type.strip()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
