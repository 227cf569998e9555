package nl.koers.navigation.report;

import java.util.Locale;

/** The languages a steering report is written in. */
public enum Language {
    EN(Locale.ENGLISH), NL(Locale.forLanguageTag("nl-NL"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return locale.getLanguage();
    }

    /**
     * The language asked with {@code lang} ({@code en} or {@code nl}), else the first of {@code Accept-Language} the
     * report is written in ({@code nl}, {@code nl-NL}, {@code nl-BE}, {@code en-GB}...), else English (also for a
     * header that cannot be read: it is a preference, not a demand).
     *
     * @throws IllegalArgumentException for a {@code lang} the report is not written in
     */
    public static Language of(String lang, String acceptLanguage) {
        if (lang != null) {
            for (Language language : values()) {
                if (language.tag().equalsIgnoreCase(lang.strip())) {
                    return language;
                }
            }
            throw new IllegalArgumentException("lang must be one of en, nl");
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String primary = range.getRange().split("-")[0];
                for (Language language : values()) {
                    if (range.getWeight() > 0 && language.tag().equalsIgnoreCase(primary)) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return EN;
        }
        return EN;
    }
}
