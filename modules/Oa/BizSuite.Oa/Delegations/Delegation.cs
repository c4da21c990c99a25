using BizSuite.Kernel;

namespace BizSuite.Oa.Delegations;

/// <summary>
/// 委托: while <see cref="StartsAt"/> ≤ now &lt; <see cref="EndsAt"/>, approvals that reach <see cref="UserId"/> go to
/// <see cref="SubstituteUserId"/> instead (for all document types, or only the listed ones). A delegation made for an
/// approved leave carries the leave request's id, so the leave's changes move or end it.
/// </summary>
[Audited]
internal sealed class Delegation : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid SubstituteUserId { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    /// <summary>Comma-separated document types; empty means all.</summary>
    public string DocumentTypes { get; private set; } = "";
    public string? Reason { get; private set; }
    public Guid? LeaveRequestId { get; private set; }
    public DateTime? CancelledAt { get; private set; }

    private Delegation() { }

    public static Delegation Create(Guid userId, Guid substituteUserId, DateTime startsAt, DateTime endsAt, IEnumerable<string>? documentTypes, string? reason,
        Guid? leaveRequestId = null) => new()
    {
        UserId = userId,
        SubstituteUserId = substituteUserId,
        StartsAt = startsAt,
        EndsAt = endsAt,
        DocumentTypes = string.Join(',', (documentTypes ?? []).Distinct().Order()),
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        LeaveRequestId = leaveRequestId,
    };

    public IReadOnlyList<string> Types => DocumentTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Covers(string documentType, DateTime at) =>
        CancelledAt is null && StartsAt <= at && at < EndsAt && (DocumentTypes.Length == 0 || Types.Contains(documentType));

    public void Cancel(DateTime now) => CancelledAt ??= now;
}
