using System.Globalization;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Insights.Kpis;

public enum PeriodKind { Day, Week, Month }

/// <summary>
/// The dates a dashboard asks about (<c>from</c>..<c>to</c>, both included, in the tenant's time zone) and how its series is
/// cut (day, week from Monday, month). The previous range is as long and ends the day before <c>from</c>.
/// </summary>
internal sealed record InsightsRange(DateOnly From, DateOnly To, PeriodKind Period, TimeZoneInfo Zone)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 3 * 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public InsightsRange Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    public DateTime StartUtc => Utc(From);
    public DateTime EndUtc => Utc(To.AddDays(1));

    public DateTime Utc(DateOnly date) => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    public DateOnly BucketOf(DateOnly date) => Period switch
    {
        PeriodKind.Day => date,
        PeriodKind.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        _ => new DateOnly(date.Year, date.Month, 1),
    };

    public DateOnly NextBucket(DateOnly start) => Period switch
    {
        PeriodKind.Day => start.AddDays(1),
        PeriodKind.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    /// <summary>The start of every bucket the range touches, the first one possibly before <c>From</c>.</summary>
    public IReadOnlyList<DateOnly> Buckets()
    {
        var buckets = new List<DateOnly>();
        for (var start = BucketOf(From); start <= To; start = NextBucket(start)) buckets.Add(start);
        return buckets;
    }

    public static InsightsRange Parse(string? from, string? to, string? period, DateOnly today, TimeZoneInfo zone)
    {
        var end = ParseDate(to, "to") ?? today;
        var start = ParseDate(from, "from") ?? end.AddDays(-(DefaultDays - 1));
        if (start > end) throw new BusinessException(InsightsErrors.InvalidRange, StatusCodes.Status400BadRequest) { Field = "from" };
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
            throw new BusinessException(InsightsErrors.InvalidRange, StatusCodes.Status400BadRequest) { Field = "to" };
        var kind = period?.ToLowerInvariant() switch
        {
            null or "" => end.DayNumber - start.DayNumber > 120 ? PeriodKind.Month : PeriodKind.Week,
            "day" => PeriodKind.Day,
            "week" => PeriodKind.Week,
            "month" => PeriodKind.Month,
            _ => throw new BusinessException(InsightsErrors.InvalidPeriod, StatusCodes.Status400BadRequest, period) { Field = "period" },
        };
        return new InsightsRange(start, end, kind, zone);
    }

    private static DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            return DateOnly.FromDateTime(time);
        throw new BusinessException(InsightsErrors.InvalidRange, StatusCodes.Status400BadRequest) { Field = field };
    }
}
