using System.Globalization;
using System.Text;

namespace BizSuite.Kernel;

/// <summary>One term of a query: a whole indexed term, or (<see cref="Prefix"/>) the start of one.</summary>
public sealed record QueryTerm(string Text, bool Prefix);

/// <summary>
/// Turns record texts into the terms the search tables index, and a user's query into the terms it must match. MariaDB has
/// no n-gram parser, so this is ours and works the same on MySQL 8.4: Latin letters and digits form words found by their
/// start (<c>fp2026</c> finds FP20260001), with each digit run also a word of its own, leading zeros dropped (<c>1000</c> finds
/// FP0001000); Chinese (any letter without case, written without spaces) is indexed as overlapping pairs of characters plus
/// each run's last character, so any part of a name is found (<c>科技</c>, <c>丁</c>). Text is NFKC-normalized (full-width
/// digits and letters become ASCII) and lower-cased.
/// </summary>
public static class SearchText
{
    /// <summary>Raised whenever the terms of a text change: records are indexed again at the next start.</summary>
    public const int Version = 1;

    public const int MaxTermLength = 64;

    /// <summary>The longest query (<c>q</c>, list <c>filter</c>) that searches; longer is refused with 400.</summary>
    public const int MaxQueryLength = 100;

    private const int MaxQueryTerms = 8;

    public static HashSet<string> IndexTerms(IEnumerable<string?> texts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var (run, cjk) in Runs(text))
            {
                if (cjk)
                {
                    for (var i = 0; i + 1 < run.Count; i++) terms.Add(run[i] + run[i + 1]);
                    terms.Add(run[^1]);
                    continue;
                }
                var word = Cut(string.Concat(run));
                terms.Add(word);
                foreach (var digits in DigitRuns(word))
                {
                    terms.Add(digits);
                    if (digits.TrimStart('0') is { Length: > 0 } trimmed) terms.Add(trimmed);
                }
            }
        return terms;
    }

    /// <summary>The terms a record must all have; empty when the query holds no letter or digit.</summary>
    public static IReadOnlyList<QueryTerm> QueryTerms(string query)
    {
        var terms = new List<QueryTerm>();
        foreach (var (run, cjk) in Runs(query))
        {
            if (!cjk) terms.Add(new QueryTerm(Cut(string.Concat(run)), true));
            else if (run.Count == 1) terms.Add(new QueryTerm(run[0], true));
            else for (var i = 0; i + 1 < run.Count; i++) terms.Add(new QueryTerm(run[i] + run[i + 1], false));
        }
        return terms.Distinct().Take(MaxQueryTerms).ToList();
    }

    /// <summary>Runs of word characters, each either Chinese-like (letters without case) or Latin letters and digits.</summary>
    private static IEnumerable<(List<string> Run, bool Cjk)> Runs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var run = new List<string>();
        var runCjk = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            bool? cjk = category == UnicodeCategory.OtherLetter ? true
                : Rune.IsLetterOrDigit(rune) ? false
                : null;
            if (cjk is null || (run.Count > 0 && cjk != runCjk))
            {
                if (run.Count > 0) yield return (run, runCjk);
                run = [];
            }
            if (cjk is null) continue;
            runCjk = cjk.Value;
            run.Add(rune.ToString());
        }
        if (run.Count > 0) yield return (run, runCjk);
    }

    private static IEnumerable<string> DigitRuns(string word)
    {
        if (word.All(char.IsAsciiDigit)) yield break; // the word itself
        var start = -1;
        for (var i = 0; i <= word.Length; i++)
        {
            var digit = i < word.Length && char.IsAsciiDigit(word[i]);
            if (digit && start < 0) start = i;
            else if (!digit && start >= 0)
            {
                yield return word[start..i];
                start = -1;
            }
        }
    }

    private static string Cut(string word) => word.Length <= MaxTermLength ? word : word[..MaxTermLength];
}
