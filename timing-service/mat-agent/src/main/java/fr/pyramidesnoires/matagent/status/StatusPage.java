package fr.pyramidesnoires.matagent.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.pyramidesnoires.matagent.forward.Delivery;
import fr.pyramidesnoires.matagent.forward.StartList;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The volunteer's page on the mat's laptop, for a phone on its network: no internet, no script, refreshed every
 * five seconds. One large light first, then each reader, the chips just read with who wears them, and what waits
 * to be sent. French first, English after.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final String matId;
    private final Supplier<List<ReaderTap.State>> readers;
    private final Supplier<Delivery> delivery;
    private final LongSupplier waiting;
    private final StartList startList;
    private final MatLight.Rules rules;
    private final ZoneId zone;
    private final Clock clock;
    private HttpServer server;

    public StatusPage(String matId, Supplier<List<ReaderTap.State>> readers, Supplier<Delivery> delivery,
                      LongSupplier waiting, StartList startList, MatLight.Rules rules, ZoneId zone, Clock clock) {
        this.matId = matId;
        this.readers = readers;
        this.delivery = delivery;
        this.waiting = waiting;
        this.startList = startList;
        this.rules = rules;
        this.zone = zone;
        this.clock = clock;
    }

    /** @return the port it listens on */
    public int start(InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 0);
        server.createContext("/", this::answer);
        // one phone on a bad link must not hold the page from the others
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return server.getAddress().getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] page = page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }

    String page() {
        Instant now = clock.instant();
        List<ReaderTap.State> states = readers.get();
        Delivery sent = delivery.get();
        long toSend = waiting.getAsLong();
        MatLight.Light light = MatLight.of(states, sent, toSend, now, rules);
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="5"><title>""").append(text(matId)).append("""
                </title><style>
                body{font-family:system-ui,sans-serif;margin:.6rem;font-size:1.1rem}
                .en{color:#555;font-size:.85em}
                .light{border-radius:1rem;padding:1.2rem;color:#fff;font-size:2rem;font-weight:bold;text-align:center}
                .GREEN{background:#1b7f3a}.ORANGE{background:#c86400}.RED{background:#b00020}
                table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}
                .off{color:#b00020;font-weight:bold}
                </style></head><body>
                """);
        html.append("<h1>Tapis ").append(text(matId)).append("</h1>");
        html.append("<div class=\"light ").append(light.colour()).append("\" role=\"status\">")
                .append(switch (light.colour()) {
                    case GREEN -> "TOUT VA BIEN<br><span>ALL IS WELL</span>";
                    case ORANGE -> "À SURVEILLER<br><span>CHECK</span>";
                    case RED -> "À CORRIGER<br><span>ACT NOW</span>";
                }).append("</div><ul>");
        light.reasons().forEach(reason -> html.append("<li>").append(text(reason)).append("</li>"));
        html.append("</ul>");

        html.append("<h2>Envoi <span class=\"en\">/ sending</span></h2><p>").append(toSend)
                .append(" lecture(s) en attente <span class=\"en\">reads waiting</span><br>Dernier envoi réussi ")
                .append("<span class=\"en\">last delivery</span> : ").append(time(sent.lastDelivery()))
                .append("<br>Horloge de la plateforme <span class=\"en\">platform clock</span> : ")
                .append(offset(sent.platformClock()));
        if (sent.refused() > 0) {
            html.append("<br>").append(sent.refused()).append(" lecture(s) mise(s) en quarantaine par la plateforme "
                    + "<span class=\"en\">reads quarantined by the platform</span>");
        }
        if (sent.lastFailure() != null) {
            html.append("<br><span class=\"off\">").append(text(sent.lastFailure())).append("</span>");
        }
        html.append("</p>");

        for (ReaderTap.State reader : states) {
            html.append("<h2>Lecteur <span class=\"en\">reader</span> ").append(text(reader.readerId()))
                    .append(" (").append(text(reader.protocol())).append(")</h2><p>")
                    .append(reader.connected() ? "connecté <span class=\"en\">connected</span>"
                            : "<span class=\"off\">NON CONNECTÉ / NOT CONNECTED</span> " + text(reader.lastError()))
                    .append("<br>Dernière minute, par antenne <span class=\"en\">last minute, by antenna</span> : ");
            if (reader.lastMinute().isEmpty()) {
                html.append("0");
            }
            reader.lastMinute().forEach((antenna, reads) -> html.append("A").append(antenna).append(" = ")
                    .append(reads).append(" &nbsp; "));
            html.append("<br>Horloge du lecteur <span class=\"en\">reader clock</span> : ")
                    .append(offset(reader.readerClock() == null ? null : MatLight.offsetFromPlatform(reader, sent)))
                    .append(" <span class=\"en\">(vs plateforme / platform)</span>");
            if (reader.unreadable() > 0) {
                html.append("<br>").append(reader.unreadable())
                        .append(" ligne(s) illisible(s), gardée(s) <span class=\"en\">unreadable lines, kept</span>");
            }
            reader.events().forEach(event -> html.append("<br>⚠ ").append(text(event)));
            html.append("</p><table><thead><tr><th>Heure <span class=\"en\">time</span></th><th>Dossard "
                    + "<span class=\"en\">bib</span></th><th>Nom <span class=\"en\">name</span></th><th>Puce "
                    + "<span class=\"en\">chip</span></th><th>Ant.</th></tr></thead><tbody>");
            for (ReaderTap.LastChip chip : reader.lastChips()) {
                StartList.Runner runner = startList.wearing(chip.chipId());
                html.append("<tr><td>").append(time(chip.readTime().toInstant())).append("</td><td>")
                        .append(runner == null ? "?" : String.valueOf(runner.bib())).append("</td><td>")
                        .append(runner == null || runner.name() == null ? "" : text(runner.name())).append("</td><td>")
                        .append(text(chip.chipId())).append("</td><td>")
                        .append(chip.antenna() == null ? "" : chip.antenna()).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<p class=\"en\">Liste de départ / start list: ").append(startList.size())
                .append(" coureurs / runners. Mis à jour / updated ").append(time(now)).append("</p></body></html>");
        return html.toString();
    }

    private String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(zone));
    }

    private static String offset(Duration offset) {
        return offset == null ? "—" : String.format(Locale.ROOT, "%+.2f s", offset.toMillis() / 1000.0);
    }

    /** Chips and lines come from readers: nothing of them is markup. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
