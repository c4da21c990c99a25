using BizSuite.Insights.Data;
using BizSuite.Insights.Instances;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using M = BizSuite.Insights.Instances.Milestones;
using T = BizSuite.Insights.Instances.DocumentTypes;

namespace BizSuite.Insights.Kpis;

/// <summary>A KPI's figure for a range, the range before it and each period of the series.</summary>
internal sealed record KpiFigure(decimal? Value, decimal? Previous, IReadOnlyList<KpiPointDto> Series, int Count);

/// <summary>
/// Computes KPIs from the process instances. The database does the counting: each KPI is one indexed, grouped query over
/// the range and the range before it that answers a few hundred rows however many milestones fall in it (counts and sums
/// per <see cref="Grain"/>), and the figures of the range, the previous range and each bucket of the series are added up
/// from those rows here.
/// </summary>
internal sealed class KpiCalculator(InsightsDbContext db, TimeProvider clock, ICurrentTenant tenant)
{
    /// <summary>What a grouped query answers per grain: how many instances, the sum of their durations (µs) and of their hits.</summary>
    internal sealed class Slot
    {
        public long Grain { get; init; }
        public long N { get; init; }
        public decimal Total { get; init; }
        public decimal Hits { get; init; }
    }

    private sealed record Sample(Guid InstanceId, DateTime Start, DateTime End);

    internal sealed class SampleRow
    {
        public Guid InstanceId { get; init; }
        public DateTime StartAt { get; init; }
        public DateTime EndAt { get; init; }
    }

    public async Task<KpiFigure> ComputeAsync(KpiDefinition kpi, InsightsRange range, CancellationToken ct) => kpi.Measure switch
    {
        Duration d => await DurationAsync(d, kpi.Unit, range, ct),
        Rate r => await RateAsync(r, range, ct),
        Count c => await CountAsync(c, range, ct),
        CollectionRate => await CollectionRateAsync(range, ct),
        OverdueShare => await OverdueShareAsync(range, ct),
        _ => throw new InvalidOperationException(kpi.Key),
    };

    private Guid TenantId => tenant.Id ?? throw new InvalidOperationException("Insights are read inside a tenant.");

    private async Task<KpiFigure> DurationAsync(Duration d, string unit, InsightsRange range, CancellationToken ct)
    {
        var grain = Grain.Of(range);
        var slots = await db.Database.SqlQuery<Slot>($"""
            SELECT CAST((TIMESTAMPDIFF(MINUTE, '2000-01-01', e.At) + {grain.ShiftMinutes}) DIV {grain.Minutes} AS SIGNED) AS Grain,
                   COUNT(*) AS N, CAST(SUM(TIMESTAMPDIFF(MICROSECOND, s.At, e.At)) AS DECIMAL(38, 0)) AS Total, CAST(0 AS DECIMAL(38, 0)) AS Hits
            FROM insights_milestones e
            JOIN insights_milestones s FORCE INDEX (IX_insights_milestones_instance_time) ON s.InstanceId = e.InstanceId AND s.Name = {d.From} AND s.At <= e.At
            WHERE e.TenantId = {TenantId} AND e.DocumentType = {d.DocumentType} AND e.Name = {d.To}
              AND e.At >= {range.Previous.StartUtc} AND e.At < {range.EndUtc}
            GROUP BY 1
            """).ToListAsync(ct);
        var perUnit = unit == KpiUnits.Days ? 86_400_000_000m : 3_600_000_000m;
        decimal? Average(IEnumerable<Slot> items) => items.Sum(s => s.N) is > 0 and var n ? Round(items.Sum(s => s.Total) / perUnit / n) : null;
        return Figure(range, grain, slots, Average);
    }

    private async Task<KpiFigure> RateAsync(Rate r, InsightsRange range, CancellationToken ct)
    {
        // An instance counts once, when it was first decided.
        var grain = Grain.Of(range);
        var slots = await db.Database.SqlQuery<Slot>($"""
            SELECT CAST((TIMESTAMPDIFF(MINUTE, '2000-01-01', d.At) + {grain.ShiftMinutes}) DIV {grain.Minutes} AS SIGNED) AS Grain,
                   COUNT(*) AS N, CAST(0 AS DECIMAL(38, 0)) AS Total, CAST(SUM(d.Hit) AS DECIMAL(38, 0)) AS Hits
            FROM (SELECT MIN(At) AS At, MAX(Name = {r.Hit}) AS Hit FROM insights_milestones
                  WHERE TenantId = {TenantId} AND DocumentType = {r.DocumentType} AND Name IN ({r.Hit}, {r.Miss})
                    AND At >= {range.Previous.StartUtc} AND At < {range.EndUtc}
                  GROUP BY InstanceId) d
            GROUP BY 1
            """).ToListAsync(ct);
        decimal? Share(IEnumerable<Slot> items) => items.Sum(s => s.N) is > 0 and var n ? Round(100m * items.Sum(s => s.Hits) / n) : null;
        return Figure(range, grain, slots, Share);
    }

    private async Task<KpiFigure> CountAsync(Count c, InsightsRange range, CancellationToken ct)
    {
        var grain = Grain.Of(range);
        var slots = await db.Database.SqlQuery<Slot>($"""
            SELECT CAST((TIMESTAMPDIFF(MINUTE, '2000-01-01', At) + {grain.ShiftMinutes}) DIV {grain.Minutes} AS SIGNED) AS Grain,
                   COUNT(*) AS N, CAST(0 AS DECIMAL(38, 0)) AS Total, CAST(0 AS DECIMAL(38, 0)) AS Hits
            FROM insights_milestones
            WHERE TenantId = {TenantId} AND DocumentType = {c.DocumentType} AND Name = {c.Milestone}
              AND At >= {range.Previous.StartUtc} AND At < {range.EndUtc}
            GROUP BY 1
            """).ToListAsync(ct);
        return Figure(range, grain, slots, items => items.Sum(s => s.N));
    }

    /// <summary>The figure of the range, of the range before it, and of each bucket of the series, from the grouped rows.</summary>
    private static KpiFigure Figure(InsightsRange range, Grain grain, IReadOnlyList<Slot> slots, Func<IEnumerable<Slot>, decimal?> figure)
    {
        var dated = slots.Select(s => (Day: grain.LocalDate(s.Grain, range), Slot: s)).ToList();
        var current = dated.Where(s => s.Day >= range.From).ToList();
        var byBucket = current.ToLookup(s => range.BucketOf(s.Day), s => s.Slot);
        return new KpiFigure(figure(current.Select(s => s.Slot)), figure(dated.Where(s => s.Day < range.From).Select(s => s.Slot)),
            range.Buckets().Select(b => new KpiPointDto(b, figure(byBucket[b]))).ToList(), (int)current.Sum(s => s.Slot.N));
    }

    /// <summary>The slowest instances of a duration KPI in the range, for the drill-down: the database sorts and keeps the first ones.</summary>
    public async Task<IReadOnlyList<SlowInstanceDto>> SlowestAsync(KpiDefinition kpi, InsightsRange range, int take, CancellationToken ct)
    {
        if (kpi.Measure is not Duration d) return await OverdueInvoicesAsync(take, ct);
        var samples = (await db.Database.SqlQuery<SampleRow>($"""
            SELECT e.InstanceId, s.At AS StartAt, e.At AS EndAt
            FROM insights_milestones e
            JOIN insights_milestones s FORCE INDEX (IX_insights_milestones_instance_time) ON s.InstanceId = e.InstanceId AND s.Name = {d.From} AND s.At <= e.At
            WHERE e.TenantId = {TenantId} AND e.DocumentType = {d.DocumentType} AND e.Name = {d.To}
              AND e.At >= {range.StartUtc} AND e.At < {range.EndUtc}
            ORDER BY TIMESTAMPDIFF(MICROSECOND, s.At, e.At) DESC, e.At
            LIMIT {take}
            """).ToListAsync(ct)).Select(r => new Sample(r.InstanceId, r.StartAt, r.EndAt)).ToList();
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
            .Where(i => i.DocumentType == T.Invoice && i.DueOn < today && i.ClosedAt == null)
            .OrderBy(i => i.DueOn).Take(take).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return open.Select(i => new SlowInstanceDto(i.DocumentType, i.DocumentId, i.Number, i.Title,
            Round((decimal)(now - i.DueOn!.Value.ToDateTime(TimeOnly.MinValue)).TotalHours), T.Link(i.DocumentType, i.DocumentId), now)).ToList();
    }

    private async Task<KpiFigure> CollectionRateAsync(InsightsRange range, CancellationToken ct)
    {
        var previous = range.Previous;
        var days = await db.Instances.AsNoTracking()
            .Where(i => i.DocumentType == T.Invoice && i.DueOn >= previous.From && i.DueOn <= range.To && !i.Milestones.Any(m => m.Name == M.Credited))
            .GroupBy(i => i.DueOn!.Value)
            .Select(g => new
            {
                DueOn = g.Key,
                Due = g.Sum(i => i.Amount ?? 0),
                Collected = g.Sum(i => i.Settled < (i.Amount ?? 0) ? i.Settled : i.Amount ?? 0),
                N = g.Count(),
            })
            .ToListAsync(ct);
        decimal? Share(IEnumerable<(DateOnly DueOn, decimal Due, decimal Collected, int N)> items) => items.ToList() is var list && list.Sum(i => i.Due) is > 0 and var due
            ? Round(100m * Math.Min(list.Sum(i => i.Collected), due) / due) : null;
        var all = days.Select(d => (d.DueOn, d.Due, d.Collected, d.N)).ToList();
        var current = all.Where(i => i.DueOn >= range.From).ToList();
        var byBucket = current.ToLookup(i => range.BucketOf(i.DueOn));
        return new KpiFigure(Share(current), Share(all.Where(i => i.DueOn < range.From)),
            range.Buckets().Select(b => new KpiPointDto(b, Share(byBucket[b]))).ToList(), current.Sum(i => i.N));
    }

    /// <summary>Invoices counted per the grain they were issued in, the grain they were closed in (null: still open) and their due date.</summary>
    internal sealed class InvoiceSpan
    {
        public long Issued { get; init; }
        public long? Closed { get; init; }
        public DateOnly DueOn { get; init; }
        public long N { get; init; }
    }

    /// <summary>
    /// Open at the end of a day: issued by then and not yet closed (paid or credited; never before it was issued); overdue when
    /// also due by then. An invoice closed before the previous range started is open on none of the days asked about, so the
    /// database reads only the invoices still open then (one index range) and counts them per issue day, close day and due
    /// date; each as-of day's totals are summed here.
    /// </summary>
    private async Task<KpiFigure> OverdueShareAsync(InsightsRange range, CancellationToken ct)
    {
        var previous = range.Previous;
        var grain = Grain.Of(range);
        var spans = await db.Database.SqlQuery<InvoiceSpan>($"""
            SELECT CAST((TIMESTAMPDIFF(MINUTE, '2000-01-01', IssuedAt) + {grain.ShiftMinutes}) DIV {grain.Minutes} AS SIGNED) AS Issued,
                   CAST((TIMESTAMPDIFF(MINUTE, '2000-01-01', GREATEST(IssuedAt, ClosedAt)) + {grain.ShiftMinutes}) DIV {grain.Minutes} AS SIGNED) AS Closed,
                   DueOn, COUNT(*) AS N
            FROM insights_process_instances
            WHERE TenantId = {TenantId} AND DocumentType = {T.Invoice} AND (ClosedAt IS NULL OR ClosedAt >= {previous.StartUtc})
              AND IssuedAt < {range.EndUtc} AND DueOn IS NOT NULL
            GROUP BY 1, 2, 3
            """).ToListAsync(ct);
        var invoices = spans.Select(r => (Issued: grain.LocalDate(r.Issued, range), Closed: r.Closed is { } c ? grain.LocalDate(c, range) : (DateOnly?)null, r.DueOn, r.N)).ToList();
        var today = range.LocalDate(clock.GetUtcNow().UtcDateTime);
        (long Open, long Overdue) AsOf(DateOnly day)
        {
            if (day > today) day = today;
            var open = invoices.Where(r => r.Issued <= day && !(r.Closed <= day)).ToList();
            return (open.Sum(r => r.N), open.Where(r => r.DueOn <= day).Sum(r => r.N));
        }
        decimal? Share(DateOnly day) => AsOf(day) is var (open, overdue) && open > 0 ? Round(100m * overdue / open) : null;
        var series = range.Buckets().Select(b => new KpiPointDto(b, Share(Min(range.NextBucket(b).AddDays(-1), range.To)))).ToList();
        return new KpiFigure(Share(range.To), Share(previous.To), series, (int)AsOf(Min(range.To, today)).Open);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The time grain KPI queries group by before the figures are added up per local day: the local day itself when the tenant's
/// zone keeps one offset over the range (China), else UTC quarter hours, which never straddle a local midnight in any zone.
/// </summary>
internal sealed record Grain(int Minutes, int ShiftMinutes)
{
    private static readonly DateTime Origin = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>For the range and the range before it: China's summer time of 1986–1991 does not make today's figures coarse.</summary>
    public static Grain Of(InsightsRange range)
    {
        var (from, to) = (range.Previous.StartUtc, range.EndUtc);
        var shifts = range.Zone.GetAdjustmentRules().Any(r => r.DateStart <= to && r.DateEnd >= from);
        return shifts ? new Grain(15, 0) : new Grain(24 * 60, (int)range.Zone.GetUtcOffset(from).TotalMinutes);
    }

    public DateOnly LocalDate(long grain, InsightsRange range) => Minutes == 24 * 60
        ? DateOnly.FromDateTime(Origin).AddDays((int)grain)
        : range.LocalDate(Origin.AddMinutes(grain * Minutes));
}
