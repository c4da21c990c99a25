using FluentValidation;
using BizSuite.Identity;
using BizSuite.Insights.Data;
using BizSuite.Insights.Targets;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using M = BizSuite.Insights.Instances.Milestones;
using T = BizSuite.Insights.Instances.DocumentTypes;

namespace BizSuite.Insights.Kpis;

/// <summary>Query parameters every dashboard endpoint takes: <c>from</c>, <c>to</c> (dates), <c>period</c> (day, week, month).</summary>
public sealed record RangeQuery(string? From, string? To, string? Period);

/// <summary>What the dashboards read: KPIs with trend and target, drill-down, funnel, approval bottlenecks, cash-in forecast, targets.</summary>
internal sealed class InsightsAppService(InsightsDbContext db, KpiCalculator calculator, SettingStore settings, TimeProvider clock,
    IApprovalFlowAppService flows, IUserDirectory users)
{
    public const string DefaultOwnerRole = "admin";

    public async Task<InsightsRange> RangeAsync(RangeQuery query, CancellationToken ct)
    {
        var zone = await ZoneAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        return InsightsRange.Parse(query.From, query.To, query.Period, today, zone);
    }

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(await settings.GetAsync(KernelSettings.TimeZone, ct), out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task<IReadOnlyList<KpiDto>> KpisAsync(string? process, RangeQuery query, CancellationToken ct)
    {
        if (process is not null && !Processes.All.Contains(process))
            throw new BusinessException(InsightsErrors.UnknownProcess, StatusCodes.Status400BadRequest, process) { Field = "process" };
        var range = await RangeAsync(query, ct);
        var targets = await db.Targets.AsNoTracking().ToDictionaryAsync(t => t.Key, ct);
        var kpis = new List<KpiDto>();
        foreach (var kpi in KpiCatalog.All.Where(k => process is null || k.Process == process))
        {
            var figure = await calculator.ComputeAsync(kpi, range, ct);
            var target = targets.GetValueOrDefault(kpi.Key)?.Target;
            kpis.Add(new KpiDto(kpi.Key, kpi.Process, kpi.Unit, figure.Value, figure.Previous, target,
                figure.Value is { } value && target is { } t && kpi.Misses(value, t), figure.Series, kpi.Direction, figure.Count));
        }
        return kpis;
    }

    public async Task<IReadOnlyList<SlowInstanceDto>> SlowestAsync(string key, int? take, RangeQuery query, CancellationToken ct)
    {
        var kpi = KpiCatalog.Find(key) ?? throw new BusinessException(InsightsErrors.UnknownKpi, StatusCodes.Status404NotFound, key);
        if (take is < 1 or > 100) throw OutOfRange("take", 1, 100);
        return await calculator.SlowestAsync(kpi, await RangeAsync(query, ct), take ?? 10, ct);
    }

    /// <summary>Lead-to-cash from the first contact to the money: how many documents reached each stage in the range.</summary>
    public async Task<IReadOnlyList<FunnelStageDto>> FunnelAsync(string? process, RangeQuery query, CancellationToken ct)
    {
        if (process is not null && process != Processes.LeadToCash)
            throw new BusinessException(InsightsErrors.UnknownProcess, StatusCodes.Status400BadRequest, process) { Field = "process" };
        var range = await RangeAsync(query, ct);
        (string Stage, string DocumentType, string Milestone)[] stages =
        [
            ("leads", T.Lead, M.Created),
            ("qualified", T.Lead, M.Qualified),
            ("opportunities", T.Opportunity, M.Opened),
            ("proposal", T.Opportunity, M.Stage("Proposal")),
            ("negotiation", T.Opportunity, M.Stage("Negotiation")),
            ("won", T.Opportunity, M.Won),
            ("contracts-signed", T.Contract, M.Signed),
            ("fully-delivered", T.Contract, M.Delivered),
            ("fully-collected", T.Contract, M.Collected),
        ];
        var types = stages.Select(s => s.DocumentType).Distinct().ToList();
        var names = stages.Select(s => s.Milestone).Distinct().ToList();
        var counts = await db.Milestones.AsNoTracking()
            .Where(m => types.Contains(m.DocumentType) && names.Contains(m.Name) && m.At >= range.StartUtc && m.At < range.EndUtc)
            .GroupBy(m => new { m.DocumentType, m.Name }).Select(g => new { g.Key.DocumentType, g.Key.Name, Count = g.Count() })
            .ToListAsync(ct);
        return stages.Select(s => new FunnelStageDto(s.Stage,
            counts.FirstOrDefault(c => c.DocumentType == s.DocumentType && c.Name == s.Milestone)?.Count ?? 0)).ToList();
    }

    /// <summary>Per flow and step: how long decided steps took, what waits now, and who holds most of it.</summary>
    public async Task<IReadOnlyList<ApprovalStepStatsDto>> ApprovalStepsAsync(RangeQuery query, CancellationToken ct)
    {
        var range = await RangeAsync(query, ct);
        var steps = await db.ApprovalSteps.AsNoTracking()
            .Where(s => s.EndedAt == null || (s.EndedAt >= range.StartUtc && s.EndedAt < range.EndUtc))
            .Select(s => new { s.DocumentType, s.StepNumber, s.AssignedAt, s.EndedAt, s.Outcome, s.Approvers }).ToListAsync(ct);
        var flowNames = (await flows.GetListAsync(ct)).ToDictionary(f => f.DocumentType, f => f.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = steps.GroupBy(s => (s.DocumentType, s.StepNumber)).OrderBy(g => g.Key.DocumentType).ThenBy(g => g.Key.StepNumber).Select(g =>
        {
            var decided = g.Where(s => s.EndedAt is not null && s.Outcome is M.Approved or M.Rejected)
                .Select(s => (decimal)(s.EndedAt!.Value - s.AssignedAt).TotalHours).Order().ToList();
            var waiting = g.Where(s => s.EndedAt is null).ToList();
            var top = waiting.SelectMany(s => s.Approvers.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(a => a).OrderByDescending(a => a.Count()).ThenBy(a => a.Key).FirstOrDefault();
            return (Key: g.Key, Decided: decided, Waiting: waiting, Top: top);
        }).ToList();
        var topIds = rows.Where(r => r.Top is not null).Select(r => Guid.Parse(r.Top!.Key)).Distinct().ToList();
        var names = topIds.Count == 0 ? [] : (await users.FindAsync(topIds, ct)).ToDictionary(u => u.UserId, u => u.Name);
        return rows.Select(r => new ApprovalStepStatsDto(r.Key.DocumentType, flowNames.GetValueOrDefault(r.Key.DocumentType, r.Key.DocumentType), r.Key.StepNumber,
            r.Decided.Count,
            r.Decided.Count == 0 ? null : KpiCalculator.Round(r.Decided.Average()),
            r.Decided.Count == 0 ? null : KpiCalculator.Round(Percentile(r.Decided, 0.9m)),
            r.Waiting.Count,
            r.Waiting.Count == 0 ? null : KpiCalculator.Round((decimal)(now - r.Waiting.Min(w => w.AssignedAt)).TotalHours),
            r.Top is null ? null : names.GetValueOrDefault(Guid.Parse(r.Top.Key), r.Top.Key),
            r.Top?.Count() ?? 0)).ToList();
    }

    private static BusinessException OutOfRange(string field, int min, int max) =>
        new(InsightsErrors.OutOfRange, StatusCodes.Status400BadRequest, field, min, max) { Field = field };

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static decimal Percentile(IReadOnlyList<decimal> sorted, decimal p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Open invoices by the week they are due (overdue ones in this week), per currency, for the next <paramref name="days"/> days.</summary>
    public async Task<IReadOnlyList<CashForecastWeekDto>> CashForecastAsync(int? days, CancellationToken ct)
    {
        if (days is < 7 or > 366) throw OutOfRange("days", 7, 366);
        var zone = await ZoneAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var horizon = today.AddDays(days ?? 90);
        var open = await db.Instances.AsNoTracking()
            .Where(i => i.DocumentType == T.Invoice && i.DueOn != null && i.DueOn <= horizon && i.Amount > i.Settled
                        && !i.Milestones.Any(m => m.Name == M.Paid || m.Name == M.Credited))
            .Select(i => new { DueOn = i.DueOn!.Value, Outstanding = i.Amount!.Value - i.Settled, i.Currency }).ToListAsync(ct);
        var week = new InsightsRange(today, horizon, PeriodKind.Week, zone);
        var currencies = open.Select(o => o.Currency ?? "").Distinct().Order().ToList();
        if (currencies.Count == 0) currencies.Add(await settings.GetAsync(KernelSettings.Currency, ct));
        return week.Buckets().SelectMany(start => currencies.Select(currency => new CashForecastWeekDto(start,
            open.Where(o => (o.Currency ?? "") == currency && week.BucketOf(o.DueOn < today ? today : o.DueOn) == start).Sum(o => o.Outstanding),
            currency))).ToList();
    }

    public async Task<IReadOnlyList<KpiTargetDto>> TargetsAsync(CancellationToken ct)
    {
        var targets = await db.Targets.AsNoTracking().ToDictionaryAsync(t => t.Key, ct);
        return KpiCatalog.All.Select(k => (Kpi: k, Target: targets.GetValueOrDefault(k.Key)))
            .Select(x => new KpiTargetDto(x.Kpi.Key, x.Kpi.Process, x.Kpi.Unit, x.Kpi.Direction, x.Target?.Target, x.Target?.OwnerRole ?? DefaultOwnerRole))
            .ToList();
    }

    public async Task<KpiTargetDto> SetTargetAsync(string key, SaveKpiTargetRequest request, CancellationToken ct)
    {
        var kpi = KpiCatalog.Find(key) ?? throw new BusinessException(InsightsErrors.UnknownKpi, StatusCodes.Status404NotFound, key);
        if (request.Target is < 0 || (kpi.Unit == KpiUnits.Percent && request.Target > 100))
            throw new BusinessException(InsightsErrors.InvalidTarget, StatusCodes.Status400BadRequest, key) { Field = "target" };
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (target is null) db.Targets.Add(target = new KpiTarget(key));
        target.Set(request.Target, request.OwnerRole);
        return new KpiTargetDto(kpi.Key, kpi.Process, kpi.Unit, kpi.Direction, target.Target, target.OwnerRole);
    }
}

internal sealed class SaveKpiTargetRequestValidator : AbstractValidator<SaveKpiTargetRequest>
{
    public SaveKpiTargetRequestValidator()
    {
        RuleFor(r => r.OwnerRole).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Target).GreaterThanOrEqualTo(0);
    }
}
