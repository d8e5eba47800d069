package fr.pyramidesnoires.results.alerts;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the passing alerts, as {alerts:...}: French in messages/alerts_fr.properties, English in
 * messages/alerts_en.properties.
 */
@MessageBundle(value = "alerts", locale = "fr")
public interface AlertMessages {

    String heading();

    String intro();

    String emailLabel();

    String ask();

    String notice();

    String refusedByRunner();

    String askedTitle();

    String asked();

    String backToRunner();

    String confirmTitle();

    String confirmButton();

    String confirmed();

    String stopTitle();

    String stopButton();

    String stopped();

    String unknownLink();
}
