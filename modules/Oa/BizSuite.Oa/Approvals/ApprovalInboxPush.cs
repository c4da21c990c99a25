using System.Linq.Expressions;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BizSuite.Oa.Approvals;

/// <summary>What the inbox badge shows: how many approvals wait for the user's decision (待我审批).</summary>
public sealed record ApprovalInboxCountDto(long Count);

/// <summary>
/// Pushes the 待我审批 count to the tabs of everyone assigned to an approval that changed, once the change has committed.
/// The counts are read after the commit, in a scope of their own: whatever the flow did in between (several steps, an
/// escalation), each user hears the count the database now holds.
/// </summary>
internal sealed class ApprovalInboxPush(UnitOfWork unitOfWork, ICurrentTenant currentTenant, UnitOfWorkRunner runner, ILogger<ApprovalInboxPush> logger)
{
    public const string PushMethod = "approvalInbox";
    private readonly HashSet<(Guid? Tenant, Guid Approval)> _approvals = [];

    /// <summary>The approvals that wait for <paramref name="userId"/>'s decision at their current step.</summary>
    public static Expression<Func<Approval, bool>> WaitingFor(Guid userId) => a => a.Status == ApprovalStatus.Pending
        && a.Assignees.Any(x => x.UserId == userId && x.StepNumber == a.CurrentStep && x.State == AssigneeState.Pending);

    public void Changed(Guid approvalId)
    {
        if (_approvals.Count == 0) unitOfWork.OnCommitted(PushAsync);
        _approvals.Add((currentTenant.Id, approvalId)); // a job may change approvals of several tenants in one unit of work
    }

    private async Task PushAsync()
    {
        foreach (var tenant in _approvals.GroupBy(a => a.Tenant))
            await PushAsync(tenant.Key, tenant.Select(a => a.Approval).ToList());
    }

    private async Task PushAsync(Guid? tenantId, List<Guid> ids)
    {
        try
        {
            await runner.RunAsync(async (services, ct) =>
            {
                using var tenant = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
                var db = services.GetRequiredService<OaDbContext>();
                var push = services.GetRequiredService<IUserPush>();
                var users = await db.Approvals.AsNoTracking().Where(a => ids.Contains(a.Id))
                    .SelectMany(a => a.Assignees.Select(x => x.UserId)).Distinct().ToListAsync(ct);
                // One query for all of them, not a count per user (the step is matched in memory: a filter on the outer row
                // inside the collection would need LATERAL, which MariaDB lacks). An approval counts once per user.
                var waiting = await db.Approvals.AsNoTracking()
                    .Where(a => a.Status == ApprovalStatus.Pending && a.Assignees.Any(x => users.Contains(x.UserId) && x.StepNumber == a.CurrentStep && x.State == AssigneeState.Pending))
                    .Select(a => new
                    {
                        a.CurrentStep,
                        Assignees = a.Assignees.Where(x => users.Contains(x.UserId) && x.State == AssigneeState.Pending).Select(x => new { x.UserId, x.StepNumber }).ToList(),
                    })
                    .ToListAsync(ct);
                var counts = waiting.SelectMany(a => a.Assignees.Where(x => x.StepNumber == a.CurrentStep).Select(x => x.UserId).Distinct())
                    .CountBy(user => user).ToDictionary();
                foreach (var user in users)
                    push.AfterCommit([user], PushMethod, new ApprovalInboxCountDto(counts.GetValueOrDefault(user)));
            });
        }
        catch (Exception ex)
        {
            // The change is committed; the tabs fall back to polling and find the count there.
            logger.LogWarning(ex, "Pushing the approval inbox count failed");
        }
    }
}

/// <summary>Assignments that move inbox counts without a user acting on the approval (a new request, an escalation, a timeout).</summary>
internal sealed class PushInboxWhenApprovalChanges(ApprovalInboxPush inbox) :
    IDomainEventHandler<ApprovalStepAssigned>, IDomainEventHandler<ApprovalCompleted>, IDomainEventHandler<ApprovalRejected>,
    IDomainEventHandler<ApprovalWithdrawn>
{
    public Task HandleAsync(ApprovalStepAssigned e, CancellationToken ct) => Changed(e.ApprovalId);
    public Task HandleAsync(ApprovalCompleted e, CancellationToken ct) => Changed(e.ApprovalId);
    public Task HandleAsync(ApprovalRejected e, CancellationToken ct) => Changed(e.ApprovalId);
    public Task HandleAsync(ApprovalWithdrawn e, CancellationToken ct) => Changed(e.ApprovalId);

    private Task Changed(Guid approvalId)
    {
        inbox.Changed(approvalId);
        return Task.CompletedTask;
    }
}
