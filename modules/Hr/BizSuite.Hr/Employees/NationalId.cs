using System.Globalization;

namespace BizSuite.Hr.Employees;

/// <summary>
/// The resident identity card number (居民身份证号码, GB 11643-1999): six digits of region, the birth date
/// (yyyyMMdd), three of sequence and a check character (0-9 or X) over the first seventeen (ISO 7064 MOD 11-2).
/// </summary>
internal static class NationalId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static bool IsValid(string? number)
    {
        if (number is not { Length: 18 }) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return false;
            sum += (number[i] - '0') * Weights[i];
        }
        return number[17] == CheckCharacters[sum % 11] &&
               DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Region and last four stay readable so HR can tell two people apart; the birth date and sequence are hidden.</summary>
    public static string Mask(string number) => number[..6] + new string('*', 8) + number[^4..];
}
