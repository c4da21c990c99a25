using BizSuite.Hr;
using BizSuite.Identity;

namespace BizSuite.Oa.Approvals;

/// <summary>Who stands in for a user (委托) for a document type at a moment; null when nobody does.</summary>
internal interface ISubstitutes
{
    Task<Guid?> FindAsync(Guid userId, string documentType, DateTime at, CancellationToken cancellationToken);
}

/// <summary>
/// Turns a rule into user ids. HR provides the org directory; a host without HR (or a tenant without
/// departments) finds no department head, which the engine reports as <c>Oa:NoApprover</c>.
/// With <see cref="For"/>, an approver who has named a substitute for the moment is replaced by the substitute.
/// </summary>
internal sealed class ApproverResolver(IUserDirectory users, IOrgDirectory? org = null, ISubstitutes? substitutes = null)
{
    public async Task<IReadOnlyList<Guid>> ResolveAsync(ApproverRule rule, string? roleName, Guid? userId, Guid applicantUserId, CancellationToken ct)
    {
        switch (rule)
        {
            case ApproverRule.Role:
                return roleName is { Length: > 0 } role ? await users.FindUsersInRoleAsync(role, ct) : [];
            case ApproverRule.DepartmentHead:
                var head = org is null ? null : await org.FindDepartmentHeadAsync(applicantUserId, ct);
                return head is { } h ? await ActiveAsync([h], ct) : [];
            case ApproverRule.User:
                return userId is { } u ? await ActiveAsync([u], ct) : [];
            default:
                return [];
        }
    }

    public Task<IReadOnlyList<Guid>> ResolveAsync(ApprovalStep step, Guid applicantUserId, CancellationToken ct) =>
        ResolveAsync(step.Rule, step.RoleName, step.UserId, applicantUserId, ct);

    /// <summary>The engine's resolver for one document type at one moment, with substitutes in place of delegating approvers.</summary>
    public ResolveApprovers For(string documentType, DateTime at, CancellationToken ct) => async (rule, roleName, userId, applicant) =>
    {
        var found = await ResolveAsync(rule, roleName, userId, applicant, ct);
        var approvers = new List<Approver>(found.Count);
        foreach (var id in found)
            approvers.Add(substitutes is not null && await substitutes.FindAsync(id, documentType, at, ct) is { } substitute && substitute != id
                ? new Approver(substitute, id)
                : new Approver(id));
        return approvers;
    };

    /// <summary>Whether the user exists and is active (a target of 加签 or 转交).</summary>
    public async Task<bool> IsActiveAsync(Guid userId, CancellationToken ct) => (await ActiveAsync([userId], ct)).Count == 1;

    /// <summary>A disabled account cannot decide: the directory only returns active users.</summary>
    private async Task<IReadOnlyList<Guid>> ActiveAsync(Guid[] ids, CancellationToken ct) =>
        (await users.FindAsync(ids, ct)).Select(c => c.UserId).ToList();
}
