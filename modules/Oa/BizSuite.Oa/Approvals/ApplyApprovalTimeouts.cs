using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Approvals;

/// <summary>One tenant's approvals whose current step passed its deadline get their step's timeout action (remind, escalate, approve).</summary>
public sealed record ApplyApprovalTimeouts;

internal sealed class ApplyApprovalTimeoutsJob(OaDbContext db, ApproverResolver resolver, TimeProvider clock) : IBackgroundJob<ApplyApprovalTimeouts>
{
    public async Task ExecuteAsync(ApplyApprovalTimeouts args, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Approvals
            .Where(a => a.Status == ApprovalStatus.Pending && a.Steps.Any(s => s.Number == a.CurrentStep && s.DueAt <= now && s.TimedOutAt == null))
            .OrderBy(a => a.SubmittedAt).Take(500).ToListAsync(ct);
        foreach (var approval in due) await approval.ApplyTimeoutAsync(resolver.For(approval.DocumentType, now, ct), now);
    }
}

/// <summary>Every 15 minutes (Quartz, clustered: once across hosts) each tenant with a step past its deadline gets its timeout job.</summary>
internal sealed class EnqueueApprovalTimeouts(OaDbContext db, JobQueue jobs, ICurrentTenant currentTenant, TimeProvider clock) : IRecurringWork
{
    public const string Cron = "0 0/15 * * * ?";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid?> tenants;
        using (currentTenant.DisableFilter())
            tenants = await db.Approvals
                .Where(a => a.Status == ApprovalStatus.Pending && a.Steps.Any(s => s.Number == a.CurrentStep && s.DueAt <= now && s.TimedOutAt == null))
                .Select(a => a.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants)
            using (currentTenant.Change(tenant))
                jobs.Enqueue(new ApplyApprovalTimeouts());
    }
}
