package fr.pyramidesnoires.results.edition;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the past editions' pages and of the runner pages' other editions, as {editions:...}: French in
 * messages/editions_fr.properties, English in messages/editions_en.properties. A bundle of its own, apart from the
 * live pages' words.
 */
@MessageBundle(value = "editions", locale = "fr")
public interface EditionMessages {

    String pastEditions();

    String noEdition();

    String runners();

    String finishers();

    String otherEditions();

    String matchingRule();

    String overallRank();

    String sex();

    String nationality();

    String notFinished();
}
