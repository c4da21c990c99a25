using BizSuite.Identity;
using BizSuite.Insights.Data;
using BizSuite.Insights.Kpis;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Insights.Targets;

/// <summary>Evaluates one tenant's KPI targets (a job, so each tenant is retried on its own).</summary>
public sealed record EvaluateKpiTargets;

/// <summary>
/// Each KPI with a target is measured over the last <see cref="WindowDays"/> days; one that misses its target is reported
/// once per calendar month (the tenant's), however many days it stays missed: the breach row is the memory of that, and its
/// unique index keeps two hosts from reporting it twice.
/// </summary>
internal sealed class EvaluateKpiTargetsJob(InsightsDbContext db, KpiCalculator calculator, SettingStore settings, TimeProvider clock)
    : IBackgroundJob<EvaluateKpiTargets>
{
    public const int WindowDays = 30;
    public const string Period = "month";

    public async Task ExecuteAsync(EvaluateKpiTargets args, CancellationToken ct)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(await settings.GetAsync(KernelSettings.TimeZone, ct), out var z) ? z : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var month = new DateOnly(today.Year, today.Month, 1);
        var range = new InsightsRange(today.AddDays(1 - WindowDays), today, PeriodKind.Week, zone);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Target != null).ToListAsync(ct);
        var reported = await db.Breaches.AsNoTracking().Where(b => b.Period == Period && b.PeriodStart == month).Select(b => b.Key).ToListAsync(ct);
        foreach (var target in targets.Where(t => !reported.Contains(t.Key)))
        {
            if (KpiCatalog.Find(target.Key) is not { } kpi) continue;
            var figure = await calculator.ComputeAsync(kpi, range, ct);
            if (figure.Value is not { } value || !kpi.Misses(value, target.Target!.Value)) continue;
            db.Breaches.Add(new KpiBreach(new KpiBreached(Guid.CreateVersion7(), kpi.Key, kpi.Process, kpi.Unit, Period, month, value, target.Target.Value,
                kpi.Direction, target.OwnerRole), now));
        }
    }
}

/// <summary>Every morning (Beijing time) each tenant with a target gets its evaluation job.</summary>
internal sealed class EnqueueKpiTargetEvaluations(InsightsDbContext db, JobQueue jobs, ICurrentTenant currentTenant) : IRecurringWork
{
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task RunAsync(CancellationToken ct)
    {
        List<Guid?> tenants;
        using (currentTenant.DisableFilter())
            tenants = await db.Targets.Where(t => t.Target != null).Select(t => t.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants)
            using (currentTenant.Change(tenant))
                jobs.Enqueue(new EvaluateKpiTargets());
    }
}

/// <summary>Tells the KPI's owner role in the app, in the tenant's language.</summary>
internal sealed class NotifyOwnersWhenKpiBreached(IUserDirectory users, INotificationService notifications, JsonStringLocalizer texts, SettingStore settings)
    : IDomainEventHandler<KpiBreached>
{
    public async Task HandleAsync(KpiBreached e, CancellationToken ct)
    {
        var language = await settings.GetAsync(KernelSettings.DefaultLanguage, ct);
        var words = texts.Texts(JsonStringLocalizer.Cultures.Contains(language) ? language : JsonStringLocalizer.Cultures[0]);
        var title = string.Format(words.GetValueOrDefault("Insights:KpiBreached", "{0}: {1} / {2} ({3})"),
            words.GetValueOrDefault("Kpi:" + e.Key, e.Key), e.Value, e.Target, e.PeriodStart.ToString("yyyy-MM"));
        var owners = await users.FindUsersInRoleAsync(e.OwnerRole, ct);
        await notifications.NotifyAsync(new NotificationRequest(owners.ToList(), title, $"/insights?kpi={e.Key}"), ct);
    }
}
