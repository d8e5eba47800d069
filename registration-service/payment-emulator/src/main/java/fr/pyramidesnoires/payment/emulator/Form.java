package fr.pyramidesnoires.payment.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's parameters as stripe-java sends them, form-encoded in the body or the query: nested ones flattened
 * with brackets (line_items[0][price_data][currency]), lists indexed (expand[0]) or not (expand[]).
 */
final class Form {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Form() {
    }

    static Form parse(String encoded) {
        Form form = new Form();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            // expand[] repeats one name: each is kept under its own
            String key = name.endsWith("[]") ? name.substring(0, name.length() - 1) + form.values.size() + "]" : name;
            form.values.put(key, value);
        }
        return form;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String text(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(String name) {
        String value = text(name);
        if (value == null) {
            throw new StripeError(400, "invalid_request_error", "parameter_missing", name,
                    "Missing required param: " + name + ".");
        }
        return value;
    }

    Long number(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new StripeError(400, "invalid_request_error", "parameter_invalid_integer", name,
                    "Invalid integer: " + value);
        }
    }

    long requiredNumber(String name) {
        required(name);
        return number(name);
    }

    /** The values of a list parameter, in the order sent. */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        values.forEach((key, value) -> {
            if (key.startsWith(name + "[") && key.indexOf('[', name.length() + 1) < 0) {
                items.add(value);
            }
        });
        return items;
    }

    /** A hash parameter such as metadata[reference]. */
    Map<String, String> hash(String name) {
        Map<String, String> hash = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(name + "[") && key.endsWith("]")) {
                hash.put(key.substring(name.length() + 1, key.length() - 1), value);
            }
        });
        return hash;
    }
}
