namespace BizSuite.Kernel;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
/// alphabet without I, O, S, V, Z; the last one is a check character over the first seventeen. A company's taxpayer
/// id (纳税人识别号) is its credit code: customers and the tenant's own company profile are checked with it.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is not { Length: 18 }) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0) return false;
            sum += value * Weights[i];
        }
        return code[17] == Alphabet[(31 - sum % 31) % 31];
    }
}
