using BizSuite.Insights.Data;
using BizSuite.Insights.Instances;
using Microsoft.EntityFrameworkCore;
using M = BizSuite.Insights.Instances.Milestones;
using T = BizSuite.Insights.Instances.DocumentTypes;

namespace BizSuite.Insights.Kpis;

/// <summary>A KPI's figure for a range, the range before it and each period of the series.</summary>
internal sealed record KpiFigure(decimal? Value, decimal? Previous, IReadOnlyList<KpiPointDto> Series, int Count);

/// <summary>
/// Computes KPIs from the process instances: one indexed query per KPI over the range and the range before it, then the
/// figures in memory (averages, shares, the 90th percentile) so each bucket of the series costs nothing more.
/// </summary>
internal sealed class KpiCalculator(InsightsDbContext db, TimeProvider clock)
{
    private sealed record Sample(Guid InstanceId, DateTime Start, DateTime End);

    public async Task<KpiFigure> ComputeAsync(KpiDefinition kpi, InsightsRange range, CancellationToken ct) => kpi.Measure switch
    {
        Duration d => await DurationAsync(d, kpi.Unit, range, ct),
        Rate r => await RateAsync(r, range, ct),
        CollectionRate => await CollectionRateAsync(range, ct),
        OverdueShare => await OverdueShareAsync(range, ct),
        _ => throw new InvalidOperationException(kpi.Key),
    };

    private async Task<List<Sample>> SamplesAsync(Duration d, DateTime since, DateTime until, CancellationToken ct) =>
        await (from end in db.Milestones.AsNoTracking()
               where end.DocumentType == d.DocumentType && end.Name == d.To && end.At >= since && end.At < until
               join start in db.Milestones.AsNoTracking() on end.InstanceId equals start.InstanceId
               where start.Name == d.From && start.At <= end.At
               select new Sample(end.InstanceId, start.At, end.At)).ToListAsync(ct);

    private static decimal Length(Sample s, string unit) =>
        (decimal)(unit == KpiUnits.Days ? (s.End - s.Start).TotalDays : (s.End - s.Start).TotalHours);

    private async Task<KpiFigure> DurationAsync(Duration d, string unit, InsightsRange range, CancellationToken ct)
    {
        var previous = range.Previous;
        var samples = await SamplesAsync(d, previous.StartUtc, range.EndUtc, ct);
        var current = samples.Where(s => s.End >= range.StartUtc).ToList();
        decimal? Average(IEnumerable<Sample> items)
        {
            var values = items.Select(s => Length(s, unit)).ToList();
            return values.Count == 0 ? null : Round(values.Average());
        }
        return new KpiFigure(Average(current), Average(samples.Where(s => s.End < range.StartUtc)),
            Series(range, current, s => s.End, Average), current.Count);
    }

    /// <summary>The slowest instances of a duration KPI in the range, for the drill-down.</summary>
    public async Task<IReadOnlyList<SlowInstanceDto>> SlowestAsync(KpiDefinition kpi, InsightsRange range, int take, CancellationToken ct)
    {
        if (kpi.Measure is not Duration d) return await OverdueInvoicesAsync(take, ct);
        var samples = (await SamplesAsync(d, range.StartUtc, range.EndUtc, ct)).OrderByDescending(s => s.End - s.Start).Take(take).ToList();
        var ids = samples.Select(s => s.InstanceId).ToList();
        var instances = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return samples.Select(s => (Sample: s, Instance: instances[s.InstanceId]))
            .Select(x => new SlowInstanceDto(x.Instance.DocumentType, x.Instance.DocumentId, x.Instance.Number, x.Instance.Title,
                Round((decimal)(x.Sample.End - x.Sample.Start).TotalHours), T.Link(x.Instance.DocumentType, x.Instance.DocumentId), x.Sample.End))
            .ToList();
    }

    /// <summary>For the invoice share KPIs, the slowest are the open invoices longest past due.</summary>
    private async Task<IReadOnlyList<SlowInstanceDto>> OverdueInvoicesAsync(int take, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = await db.Instances.AsNoTracking()
            .Where(i => i.DocumentType == T.Invoice && i.DueOn < today && !i.Milestones.Any(m => m.Name == M.Paid || m.Name == M.Credited))
            .OrderBy(i => i.DueOn).Take(take).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return open.Select(i => new SlowInstanceDto(i.DocumentType, i.DocumentId, i.Number, i.Title,
            Round((decimal)(now - i.DueOn!.Value.ToDateTime(TimeOnly.MinValue)).TotalHours), T.Link(i.DocumentType, i.DocumentId), now)).ToList();
    }

    private async Task<KpiFigure> RateAsync(Rate r, InsightsRange range, CancellationToken ct)
    {
        var previous = range.Previous;
        var rows = await db.Milestones.AsNoTracking()
            .Where(m => m.DocumentType == r.DocumentType && (m.Name == r.Hit || m.Name == r.Miss) && m.At >= previous.StartUtc && m.At < range.EndUtc)
            .Select(m => new { m.InstanceId, m.Name, m.At }).ToListAsync(ct);
        // An instance counts once, when it was first decided.
        var decided = rows.GroupBy(m => m.InstanceId).Select(g => (At: g.Min(m => m.At), Hit: g.Any(m => m.Name == r.Hit))).ToList();
        decimal? Share(IEnumerable<(DateTime At, bool Hit)> items) => items.ToList() is { Count: > 0 } list
            ? Round(100m * list.Count(i => i.Hit) / list.Count) : null;
        var current = decided.Where(d => d.At >= range.StartUtc).ToList();
        return new KpiFigure(Share(current), Share(decided.Where(d => d.At < range.StartUtc)), Series(range, current, d => d.At, Share), current.Count);
    }

    private async Task<KpiFigure> CollectionRateAsync(InsightsRange range, CancellationToken ct)
    {
        var previous = range.Previous;
        var invoices = await db.Instances.AsNoTracking()
            .Where(i => i.DocumentType == T.Invoice && i.DueOn >= previous.From && i.DueOn <= range.To && !i.Milestones.Any(m => m.Name == M.Credited))
            .Select(i => new { DueOn = i.DueOn!.Value, Amount = i.Amount ?? 0, i.Settled }).ToListAsync(ct);
        decimal? Share(IEnumerable<(DateOnly DueOn, decimal Amount, decimal Settled)> items) => items.ToList() is var list && list.Sum(i => i.Amount) is > 0 and var due
            ? Round(100m * Math.Min(list.Sum(i => Math.Min(i.Settled, i.Amount)), due) / due) : null;
        var all = invoices.Select(i => (i.DueOn, i.Amount, i.Settled)).ToList();
        var current = all.Where(i => i.DueOn >= range.From).ToList();
        return new KpiFigure(Share(current), Share(all.Where(i => i.DueOn < range.From)),
            Series(range, current, i => range.Utc(i.DueOn), Share), current.Count);
    }

    private async Task<KpiFigure> OverdueShareAsync(InsightsRange range, CancellationToken ct)
    {
        var previous = range.Previous;
        var invoices = await db.Instances.AsNoTracking()
            .Where(i => i.DocumentType == T.Invoice && i.DueOn != null)
            .Select(i => new
            {
                DueOn = i.DueOn!.Value,
                Issued = i.Milestones.Where(m => m.Name == M.Issued).Select(m => (DateTime?)m.At).FirstOrDefault(),
                Closed = i.Milestones.Where(m => m.Name == M.Paid || m.Name == M.Credited).Select(m => (DateTime?)m.At).Min(),
            })
            .Where(i => i.Issued < range.EndUtc && (i.Closed == null || i.Closed >= previous.StartUtc))
            .ToListAsync(ct);
        var today = range.LocalDate(clock.GetUtcNow().UtcDateTime);
        // As of the end of a day: open when issued by then and not yet closed; overdue when its due date has passed.
        decimal? AsOf(DateOnly day)
        {
            if (day > today) day = today;
            var end = range.Utc(day.AddDays(1));
            var open = invoices.Where(i => i.Issued < end && (i.Closed == null || i.Closed >= end)).ToList();
            return open.Count == 0 ? null : Round(100m * open.Count(i => i.DueOn < day.AddDays(1)) / open.Count);
        }
        var series = range.Buckets().Select(b => new KpiPointDto(b, AsOf(Min(range.NextBucket(b).AddDays(-1), range.To)))).ToList();
        var asOfEnd = Min(range.To, today);
        return new KpiFigure(AsOf(range.To), AsOf(previous.To), series,
            invoices.Count(i => i.Issued < range.Utc(asOfEnd.AddDays(1)) && (i.Closed == null || i.Closed >= range.Utc(asOfEnd.AddDays(1)))));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static IReadOnlyList<KpiPointDto> Series<TItem>(InsightsRange range, IReadOnlyList<TItem> items, Func<TItem, DateTime> at,
        Func<IEnumerable<TItem>, decimal?> figure)
    {
        var byBucket = items.ToLookup(i => range.BucketOf(range.LocalDate(at(i))));
        return range.Buckets().Select(b => new KpiPointDto(b, figure(byBucket[b]))).ToList();
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
    private static decimal Round(double value) => Round((decimal)value);
}
