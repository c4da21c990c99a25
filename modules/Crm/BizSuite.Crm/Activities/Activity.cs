using BizSuite.Kernel;

namespace BizSuite.Crm.Activities;

/// <summary>A follow-up record (跟进记录): a call, visit, meeting, e-mail or note about a lead, customer, contact, opportunity or contract.</summary>
[Audited]
internal sealed class Activity : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public ActivityType Type { get; private set; }
    public string Subject { get; private set; } = "";
    public string? Notes { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public ActivityRegarding RegardingType { get; private set; }
    public Guid RegardingId { get; private set; }

    private Activity() { }

    public static Activity Log(ActivityType type, string subject, string? notes, DateTime occurredAt, ActivityRegarding regardingType, Guid regardingId) => new()
    {
        Type = type,
        Subject = subject.Trim(),
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        // Stored as UTC whatever the client sent; the UI shows it in the tenant's time zone.
        OccurredAt = occurredAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(occurredAt, DateTimeKind.Utc) : occurredAt.ToUniversalTime(),
        RegardingType = regardingType,
        RegardingId = regardingId,
    };
}
