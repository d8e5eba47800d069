package fr.pyramidesnoires.payment.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal answered as Stripe answers it, {"error": {...}}, which stripe-java turns into its own exceptions. */
final class StripeError extends RuntimeException {

    final int status;
    private final String type;
    private final String code;
    private final String param;

    StripeError(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError invalid(String param, String message) {
        return new StripeError(400, "invalid_request_error", null, param, message);
    }

    static StripeError missing(String kind, String id) {
        return new StripeError(404, "invalid_request_error", "resource_missing", "id",
                "No such " + kind + ": '" + id + "'");
    }

    String body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        if (param != null) {
            error.put("param", param);
        }
        error.put("message", getMessage());
        return Json.write(Map.of("error", error));
    }
}
