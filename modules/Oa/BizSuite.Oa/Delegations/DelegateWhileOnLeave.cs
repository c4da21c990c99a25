using BizSuite.Hr;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Delegations;

/// <summary>
/// An approved leave hands the employee's approvals to their department head for the days of the leave (Beijing days, from
/// the first day's midnight to the midnight after the last): the delegation starts and ends with the leave by itself.
/// A user with a delegation of their own for the period keeps it (the latest-starting one wins).
/// </summary>
internal sealed class DelegateToHeadWhileOnLeave(OaDbContext db, IOrgDirectory? org = null) : IDomainEventHandler<LeaveApproved>
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task HandleAsync(LeaveApproved e, CancellationToken ct)
    {
        if (e.ApplicantUserId is not { } user || org is null) return;
        if (await db.Delegations.AnyAsync(d => d.LeaveRequestId == e.LeaveRequestId, ct)) return;
        var head = await org.FindDepartmentHeadAsync(user, ct);
        if (head is not { } substitute || substitute == user) return;
        db.Delegations.Add(Delegation.Create(user, substitute, Midnight(e.From), Midnight(e.To.AddDays(1)), null, $"请假 {e.LeaveType}", e.LeaveRequestId));
    }

    private static DateTime Midnight(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ChinaTime);
}
