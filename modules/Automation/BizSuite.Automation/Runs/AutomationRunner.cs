using System.Diagnostics;
using System.Text.Json;
using BizSuite.Automation.Data;
using BizSuite.Automation.Rules;
using BizSuite.Kernel;
using BizSuite.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BizSuite.Automation.Runs;

/// <summary>Every public event runs the tenant's enabled rules for it, inside the business transaction.</summary>
internal sealed class RunRulesWhenEventRaised<TEvent>(AutomationRunner runner) : IDomainEventHandler<TEvent> where TEvent : IDomainEvent
{
    public Task HandleAsync(TEvent domainEvent, CancellationToken ct) => runner.RunAsync(domainEvent, ct);
}

/// <summary>
/// Runs the rules of an event: conditions on its public payload, then either the refusal of a blocking rule, or the actions behind a
/// savepoint so a failing rule is logged and the business change still commits. Guards: the recursion depth and the tenant's runs per minute.
/// </summary>
internal sealed class AutomationRunner(AutomationDbContext db, TenantCache cache, ICurrentTenant currentTenant, UnitOfWork unitOfWork,
    UnitOfWorkRunner separately, RuleChain chain, SettingStore settings, IEnumerable<IRuleActionExecutor> executors, IStringLocalizer l, TimeProvider clock)
{
    /// <summary>A tenant's enabled rules, asked for by every public event; dropped by <see cref="AutomationDbContext"/> on any change.</summary>
    public const string CacheRegion = "automation-rules";

    public async Task RunAsync(IDomainEvent domainEvent, CancellationToken ct)
    {
        if (currentTenant.Id is not { } tenantId) return;
        var type = PublicEvents.For(domainEvent.GetType());
        var enabled = await cache.GetOrCreateAsync(CacheRegion, tenantId, "", async () =>
            (IReadOnlyList<AutomationRule>)await db.Rules.AsNoTracking().Where(r => r.IsEnabled).OrderBy(r => r.CreatedAt).ToListAsync(ct));
        var rules = enabled.Where(r => r.EventType == type.Name).ToList();
        if (rules.Count == 0) return;

        var e = new RuleEvent(type.Name, DomainEventScope.CurrentEventId, JsonSerializer.SerializeToElement(type.Map(domainEvent), JournalJson.Options),
            DomainEventScope.CurrentOccurredAt ?? clock.GetUtcNow().UtcDateTime);
        foreach (var rule in rules)
        {
            if (!Payload.Matches(rule.Match, rule.Conditions.Select(c => Payload.Evaluate(c, e.Payload)).ToList())) continue;
            var started = clock.GetUtcNow().UtcDateTime;
            var watch = Stopwatch.StartNew();
            if (rule.IsBlocking)
            {
                // The refusal rolls the business transaction back: its log entry is written in a transaction of its own.
                await separately.RunAsync((sp, _) =>
                {
                    sp.GetRequiredService<AutomationDbContext>().Runs.Add(RuleRun.Record(rule, e, RuleRunResult.Blocked, rule.BlockingMessage, started, watch.Elapsed));
                    return Task.CompletedTask;
                }, ct);
                throw new BusinessException(AutomationErrors.Blocked, args: [rule.BlockingMessage ?? ""]);
            }
            if (!chain.TryEnter(rule.Id, e.Id, DomainEventScope.CurrentCausationId))
            {
                db.Runs.Add(RuleRun.Record(rule, e, RuleRunResult.RecursionLimited, l["Automation:RecursionLimited", RuleChain.MaxDepth].Value, started, watch.Elapsed));
                continue;
            }
            if (!await WithinRateAsync(started, ct))
            {
                db.Runs.Add(RuleRun.Record(rule, e, RuleRunResult.RateLimited, l["Automation:RateLimited"].Value, started, watch.Elapsed));
                continue;
            }
            var failure = await unitOfWork.TryIsolatedAsync(async c =>
            {
                foreach (var action in rule.Actions) await executors.Single(x => x.Type == action.Type).RunAsync(rule, action, e, c);
            }, ct);
            db.Runs.Add(RuleRun.Record(rule, e, failure is null ? RuleRunResult.Succeeded : RuleRunResult.Failed, failure is null ? null : Describe(failure),
                started, watch.Elapsed));
        }
    }

    /// <summary>Runs that did something (or failed trying) count against the tenant's runs per minute, those of this unit of work included.</summary>
    private async Task<bool> WithinRateAsync(DateTime now, CancellationToken ct)
    {
        var since = now.AddMinutes(-1);
        var counted = new[] { RuleRunResult.Succeeded, RuleRunResult.Failed };
        var recent = await db.Runs.CountAsync(r => r.StartedAt > since && counted.Contains(r.Result), ct)
                     + db.Runs.Local.Count(r => db.Entry(r).State == EntityState.Added && counted.Contains(r.Result));
        return recent < await settings.GetIntAsync(AutomationSettings.MaxRunsPerMinute, ct);
    }

    /// <summary>What the admin reads in the log: the localized business message, else the innermost error (a database refusal).</summary>
    private string Describe(Exception failure)
    {
        if (failure is BusinessException b) return l[b.Code, b.Args].Value;
        while (failure.InnerException is not null) failure = failure.InnerException;
        return failure.Message;
    }
}
