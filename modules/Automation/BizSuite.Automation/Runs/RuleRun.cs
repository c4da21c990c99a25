using BizSuite.Automation.Rules;
using BizSuite.Kernel;

namespace BizSuite.Automation.Runs;

/// <summary>One run of a rule on an event (运行日志): what came of it, the error if it failed, and how long it took.</summary>
internal sealed class RuleRun : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid RuleId { get; private set; }
    public string RuleName { get; private set; } = "";
    public string EventType { get; private set; } = "";
    public Guid? EventId { get; private set; }
    public RuleRunResult Result { get; private set; }
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }
    public DateTime StartedAt { get; private set; }

    private RuleRun() { }

    public static RuleRun Record(AutomationRule rule, RuleEvent e, RuleRunResult result, string? error, DateTime startedAt, TimeSpan duration) => new()
    {
        RuleId = rule.Id,
        RuleName = rule.Name,
        EventType = e.Type,
        EventId = e.Id,
        Result = result,
        Error = error is null ? null : error.Length <= 1000 ? error : error[..1000],
        StartedAt = startedAt,
        DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
    };
}
