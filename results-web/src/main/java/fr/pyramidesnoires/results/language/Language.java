package fr.pyramidesnoires.results.language;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the pages are written in. French comes first: it is a French event, and a browser's own
 * preference is not asked, since many French phones are set up in English; English is one click away.
 */
public enum Language {
    FR, EN;

    /** The name of both the query parameter that switches language and the cookie that remembers it. */
    public static final String PARAM = "lang";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The one a page's switch link offers. */
    public Language other() {
        return this == FR ? EN : FR;
    }

    /** What a page asked for, else what the spectator chose before, else French. */
    public static Language chosen(String asked, String remembered) {
        return named(asked).or(() -> named(remembered)).orElse(FR);
    }

    /** @return empty when the value names no language the pages are written in */
    public static Optional<Language> named(String value) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
