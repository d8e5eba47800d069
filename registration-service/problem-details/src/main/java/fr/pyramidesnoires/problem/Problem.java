package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, with the fields that were wrong when there were any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** What {@link #page()} is sent as. */
    public static final String PAGE_MEDIA_TYPE = "text/html;charset=UTF-8";
    public static final String TYPES = "https://pyramides-noires.fr/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(TYPES + type, title, status, detail, List.of());
    }

    /**
     * A browser names text/html in its Accept header; API clients name JSON or nothing: only the former gets the
     * problem as a page.
     */
    public static boolean wantsPage(String accept) {
        if (accept == null) {
            return false;
        }
        for (String type : accept.split(",")) {
            if (type.split(";", 2)[0].strip().equalsIgnoreCase("text/html")) {
                return true;
            }
        }
        return false;
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** As a page for a browser, as problem JSON for anyone else. */
    public Response response(String accept) {
        return wantsPage(accept)
                ? Response.status(status).type(PAGE_MEDIA_TYPE).entity(page()).build()
                : response();
    }

    /** The same problem as a page a person can read on a phone: what went wrong, and a way back. */
    public String page() {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(escape(title)).append("""
                </title></head>
                <body style="font-family: sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem">
                <main><h1>""").append(escape(title)).append("</h1>\n<p role=\"alert\">").append(escape(detail))
                .append("</p>\n");
        if (errors != null && !errors.isEmpty()) {
            page.append("<ul>\n");
            errors.forEach(error -> page.append("<li>").append(escape(error.field())).append(" : ")
                    .append(escape(error.message())).append("</li>\n"));
            page.append("</ul>\n");
        }
        return page.append("<p><a href=\"/\">Accueil / Home</a></p></main></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
