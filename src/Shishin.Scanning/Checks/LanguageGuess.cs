namespace Shishin.Scanning.Checks;

/// <summary>The writing systems the language check tells apart.</summary>
internal enum Script
{
    Latin,
    Japanese,
    Han,
    Hangul,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Thai,
    Other,
}

/// <summary>
/// Judges whether a lang attribute is plausible for a page's text by its writing system: lang="en" on text that is
/// mostly kana and kanji is not, and neither is lang="ja" on text without any. It only speaks up when the text is long
/// enough and clearly in another script, so pages that mix languages are left alone.
/// </summary>
internal static class LanguageGuess
{
    /// <summary>Fewer letters than this say too little about the language.</summary>
    public const int MinLetters = 40;

    private static readonly Dictionary<string, Script> ScriptOfLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ja"] = Script.Japanese,
        ["zh"] = Script.Han,
        ["ko"] = Script.Hangul,
        ["ru"] = Script.Cyrillic,
        ["uk"] = Script.Cyrillic,
        ["bg"] = Script.Cyrillic,
        ["sr"] = Script.Cyrillic,
        ["mk"] = Script.Cyrillic,
        ["be"] = Script.Cyrillic,
        ["kk"] = Script.Cyrillic,
        ["mn"] = Script.Cyrillic,
        ["el"] = Script.Greek,
        ["ar"] = Script.Arabic,
        ["fa"] = Script.Arabic,
        ["ur"] = Script.Arabic,
        ["he"] = Script.Hebrew,
        ["th"] = Script.Thai,
        ["en"] = Script.Latin,
        ["fr"] = Script.Latin,
        ["de"] = Script.Latin,
        ["es"] = Script.Latin,
        ["pt"] = Script.Latin,
        ["it"] = Script.Latin,
        ["nl"] = Script.Latin,
        ["sv"] = Script.Latin,
        ["da"] = Script.Latin,
        ["no"] = Script.Latin,
        ["nb"] = Script.Latin,
        ["fi"] = Script.Latin,
        ["pl"] = Script.Latin,
        ["cs"] = Script.Latin,
        ["tr"] = Script.Latin,
        ["vi"] = Script.Latin,
        ["id"] = Script.Latin,
        ["ms"] = Script.Latin,
        ["tl"] = Script.Latin,
        ["fil"] = Script.Latin,
        ["ro"] = Script.Latin,
        ["hu"] = Script.Latin,
    };

    /// <summary>How many letters of each script the text has.</summary>
    public static Dictionary<Script, int> CountScripts(string text)
    {
        var counts = new Dictionary<Script, int>();
        var hasKana = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (!System.Text.Rune.IsLetter(rune))
            {
                continue;
            }

            Script script;
            if (value is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F)
            {
                script = Script.Japanese;
                hasKana = true;
            }
            else if (value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF)
            {
                script = Script.Han;
            }
            else if (value is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F)
            {
                script = Script.Hangul;
            }
            else if (value < 0x250 || value is >= 0x1E00 and <= 0x1EFF or >= 0xFF21 and <= 0xFF5A)
            {
                script = Script.Latin;
            }
            else if (value is >= 0x400 and <= 0x52F)
            {
                script = Script.Cyrillic;
            }
            else if (value is >= 0x370 and <= 0x3FF)
            {
                script = Script.Greek;
            }
            else if (value is >= 0x600 and <= 0x6FF or >= 0x750 and <= 0x77F)
            {
                script = Script.Arabic;
            }
            else if (value is >= 0x590 and <= 0x5FF)
            {
                script = Script.Hebrew;
            }
            else if (value is >= 0xE00 and <= 0xE7F)
            {
                script = Script.Thai;
            }
            else
            {
                script = Script.Other;
            }

            counts[script] = counts.GetValueOrDefault(script) + 1;
        }

        // Kanji count as Japanese when the text has kana too; without kana they may be Chinese.
        if (hasKana && counts.Remove(Script.Han, out var han))
        {
            counts[Script.Japanese] = counts.GetValueOrDefault(Script.Japanese) + han;
        }

        return counts;
    }

    /// <summary>
    /// Why <paramref name="lang"/> does not fit <paramref name="text"/>, or <see langword="null"/> when it fits or the
    /// text says too little. The language is judged by its primary subtag (<c>en</c> of <c>en-GB</c>).
    /// </summary>
    public static string? Mismatch(string lang, string text)
    {
        var primary = lang.Split('-', '_')[0].Trim();
        if (!ScriptOfLanguage.TryGetValue(primary, out var expected))
        {
            return null;
        }

        var counts = CountScripts(text);
        var total = counts.Values.Sum();
        if (total < MinLetters)
        {
            return null;
        }

        var share = (double)ExpectedCount(counts, expected) / total;
        var (dominant, dominantCount) = counts.MaxBy(pair => pair.Value) is var top ? (top.Key, top.Value) : (Script.Other, 0);
        if (share >= 0.2 || dominant == expected || (double)dominantCount / total < 0.6)
        {
            return null;
        }

        return $"lang=\"{lang}\" says {expected} script, but {Math.Round(100.0 * dominantCount / total)}% of the page's {total} letters are {dominant} and only {Math.Round(100 * share)}% are {expected}.";
    }

    private static int ExpectedCount(Dictionary<Script, int> counts, Script expected) => expected switch
    {
        // Chinese text is Han; Japanese without kana would be counted as Han too.
        Script.Han => counts.GetValueOrDefault(Script.Han) + counts.GetValueOrDefault(Script.Japanese),
        Script.Japanese => counts.GetValueOrDefault(Script.Japanese) + counts.GetValueOrDefault(Script.Han),
        Script.Hangul => counts.GetValueOrDefault(Script.Hangul) + counts.GetValueOrDefault(Script.Han),
        _ => counts.GetValueOrDefault(expected),
    };
}
