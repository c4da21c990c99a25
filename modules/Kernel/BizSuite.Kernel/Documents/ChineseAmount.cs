namespace BizSuite.Kernel;

/// <summary>
/// An amount of money in capital Chinese numerals (大写金额) as invoices, receipts and vouchers print it, following the
/// rules of 《会计基础工作规范》: 壹拾 (not 拾) for ten, one 零 for any run of zeros between digits, 零 before the
/// 分 when the 角 is zero, 整 after 元 or 角 when nothing follows, 负 before a negative amount (a credit note).
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Places = ["", "拾", "佰", "仟"];

    public static string InWords(decimal amount)
    {
        var sign = amount < 0 ? "负" : "";
        var rounded = Money.Round(Math.Abs(amount));
        var yuan = decimal.ToInt64(decimal.Truncate(rounded));
        var cents = decimal.ToInt32((rounded - yuan) * 100);
        int jiao = cents / 10, fen = cents % 10;

        var words = yuan > 0 ? Integer(yuan) + "元" : "";
        if (cents == 0) return sign + (yuan == 0 ? "零元" : words) + "整";
        if (jiao > 0) words += Digits[jiao] + "角";
        else if (yuan > 0) words += "零";
        return sign + words + (fen > 0 ? Digits[fen] + "分" : "整");
    }

    /// <summary>Groups of four digits: 亿 above 万 above the units, a 零 where a lower group starts with zeros.</summary>
    private static string Integer(long n) => n switch
    {
        >= 100_000_000 => Integer(n / 100_000_000) + "亿" + Lower(n % 100_000_000, 10_000_000),
        >= 10_000 => Group((int)(n / 10_000)) + "万" + Lower(n % 10_000, 1_000),
        _ => Group((int)n),
    };

    private static string Lower(long rest, long leadingPlace) => rest == 0 ? "" : (rest < leadingPlace ? "零" : "") + Integer(rest);

    /// <summary>Up to four digits, leading zeros dropped, zeros inside read as one 零, trailing zeros silent.</summary>
    private static string Group(int n)
    {
        var text = "";
        var pendingZero = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = n / (int)Math.Pow(10, place) % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }
            if (pendingZero) text += "零";
            pendingZero = false;
            text += Digits[digit] + Places[place];
        }
        return text;
    }
}
