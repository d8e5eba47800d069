package fr.pyramidesnoires.results.sample;

import io.quarkus.qute.i18n.MessageBundle;

/** The note on pages of sample races, as {sample:...}: messages/sample_fr.properties and sample_en.properties. */
@MessageBundle(value = "sample", locale = "fr")
public interface SampleMessages {

    String title();

    String meaning();
}
