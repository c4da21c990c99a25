using BizSuite.Hr;
using BizSuite.Identity;

namespace BizSuite.Oa.Approvals;

/// <summary>
/// Turns a step's rule into user ids. HR provides the org directory; a host without HR (or a tenant without
/// departments) finds no department head, which the engine reports as <c>Oa:NoApprover</c>.
/// </summary>
internal sealed class ApproverResolver(IUserDirectory users, IOrgDirectory? org = null)
{
    public async Task<IReadOnlyList<Guid>> ResolveAsync(ApprovalStep step, Guid applicantUserId, CancellationToken ct)
    {
        switch (step.Rule)
        {
            case ApproverRule.Role:
                return step.RoleName is { Length: > 0 } role ? await users.FindUsersInRoleAsync(role, ct) : [];
            case ApproverRule.DepartmentHead:
                var head = org is null ? null : await org.FindDepartmentHeadAsync(applicantUserId, ct);
                return head is { } h ? await ActiveAsync([h], ct) : [];
            case ApproverRule.User:
                return step.UserId is { } u ? await ActiveAsync([u], ct) : [];
            default:
                return [];
        }
    }

    /// <summary>A disabled account cannot decide: the directory only returns active users.</summary>
    private async Task<IReadOnlyList<Guid>> ActiveAsync(Guid[] ids, CancellationToken ct) =>
        (await users.FindAsync(ids, ct)).Select(c => c.UserId).ToList();
}
