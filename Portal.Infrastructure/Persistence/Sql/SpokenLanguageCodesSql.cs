using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence.Sql;

/// <summary>Hand-written step of the SpokenLanguageCodes migration: members' languages were words as
/// typed ("svenska", "Engelska"); they become the codes of <c>SpokenLanguages</c> ("sv", "en"). A word
/// is matched trimmed and lower-case against the Swedish and English names of every language the
/// portal knew when the codes came (frozen here: a migration must mean the same thing forever);
/// duplicates go, the order stays, and a word that names no known language stays as written (the UI
/// shows it as it is, and the member chooses from the list the next time the profile is saved). The
/// search text is emptied so that the start-up backfill refills it without languages (ADR 0022).</summary>
public static class SpokenLanguageCodesSql
{
    private const string Names = """
        ('svenska', 'sv'),
        ('swedish', 'sv'),
        ('engelska', 'en'),
        ('english', 'en'),
        ('arabiska', 'ar'),
        ('arabic', 'ar'),
        ('amhariska', 'am'),
        ('amharic', 'am'),
        ('armeniska', 'hy'),
        ('armenian', 'hy'),
        ('azerbajdzjanska', 'az'),
        ('azerbaijani', 'az'),
        ('bengali', 'bn'),
        ('bosniska', 'bs'),
        ('bosnian', 'bs'),
        ('bulgariska', 'bg'),
        ('bulgarian', 'bg'),
        ('kinesiska', 'zh'),
        ('chinese', 'zh'),
        ('danska', 'da'),
        ('danish', 'da'),
        ('dari', 'prs'),
        ('edo', 'bin'),
        ('estniska', 'et'),
        ('estonian', 'et'),
        ('finska', 'fi'),
        ('finnish', 'fi'),
        ('franska', 'fr'),
        ('french', 'fr'),
        ('georgiska', 'ka'),
        ('georgian', 'ka'),
        ('grekiska', 'el'),
        ('greek', 'el'),
        ('hausa', 'ha'),
        ('hebreiska', 'he'),
        ('hebrew', 'he'),
        ('hindi', 'hi'),
        ('igbo', 'ig'),
        ('isländska', 'is'),
        ('icelandic', 'is'),
        ('italienska', 'it'),
        ('italian', 'it'),
        ('japanska', 'ja'),
        ('japanese', 'ja'),
        ('jiddisch', 'yi'),
        ('yiddish', 'yi'),
        ('koreanska', 'ko'),
        ('korean', 'ko'),
        ('kroatiska', 'hr'),
        ('croatian', 'hr'),
        ('kurdiska', 'ku'),
        ('kurdish', 'ku'),
        ('lettiska', 'lv'),
        ('latvian', 'lv'),
        ('lingala', 'ln'),
        ('litauiska', 'lt'),
        ('lithuanian', 'lt'),
        ('meänkieli', 'fit'),
        ('mongoliska', 'mn'),
        ('mongolian', 'mn'),
        ('nederländska', 'nl'),
        ('dutch', 'nl'),
        ('norska', 'no'),
        ('norwegian', 'no'),
        ('pashto', 'ps'),
        ('persiska', 'fa'),
        ('persian', 'fa'),
        ('polska', 'pl'),
        ('polish', 'pl'),
        ('portugisiska', 'pt'),
        ('portuguese', 'pt'),
        ('punjabi', 'pa'),
        ('rumänska', 'ro'),
        ('romanian', 'ro'),
        ('romani', 'rom'),
        ('ryska', 'ru'),
        ('russian', 'ru'),
        ('samiska', 'se'),
        ('sami', 'se'),
        ('serbiska', 'sr'),
        ('serbian', 'sr'),
        ('slovakiska', 'sk'),
        ('slovak', 'sk'),
        ('somaliska', 'so'),
        ('somali', 'so'),
        ('spanska', 'es'),
        ('spanish', 'es'),
        ('swahili', 'sw'),
        ('tagalog', 'tl'),
        ('tamil', 'ta'),
        ('thailändska', 'th'),
        ('thai', 'th'),
        ('tigrinja', 'ti'),
        ('tigrinya', 'ti'),
        ('tjeckiska', 'cs'),
        ('czech', 'cs'),
        ('turkiska', 'tr'),
        ('turkish', 'tr'),
        ('tyska', 'de'),
        ('german', 'de'),
        ('ukrainska', 'uk'),
        ('ukrainian', 'uk'),
        ('ungerska', 'hu'),
        ('hungarian', 'hu'),
        ('urdu', 'ur'),
        ('uzbekiska', 'uz'),
        ('uzbek', 'uz'),
        ('vietnamesiska', 'vi'),
        ('vietnamese', 'vi'),
        ('yoruba', 'yo'),
        ('albanska', 'sq'),
        ('albanian', 'sq')
        """;

    public static void ConvertSqlite(MigrationBuilder migrationBuilder) => migrationBuilder.Sql($"""
        WITH names(name, code) AS (VALUES
        {Names})
        UPDATE members SET "Languages" = (
            SELECT json_group_array(value) FROM (
                SELECT COALESCE(n.code, trim(j.value)) AS value, MIN(j.key) AS position
                FROM json_each(members."Languages") AS j
                LEFT JOIN names AS n ON n.name = lower(trim(j.value))
                WHERE trim(j.value) <> ''
                GROUP BY 1
                ORDER BY position));
        UPDATE members SET "SearchText" = '';
        """);

    public static void ConvertPostgres(MigrationBuilder migrationBuilder) => migrationBuilder.Sql($"""
        UPDATE members SET "Languages" = ARRAY(
            SELECT c.value FROM (
                SELECT COALESCE(n.code, btrim(l.word)) AS value, MIN(l.position) AS position
                FROM unnest(members."Languages") WITH ORDINALITY AS l(word, position)
                LEFT JOIN (VALUES
        {Names}) AS n(name, code) ON n.name = lower(btrim(l.word))
                WHERE btrim(l.word) <> ''
                GROUP BY 1) AS c
            ORDER BY c.position);
        UPDATE members SET "SearchText" = '';
        """);
}
