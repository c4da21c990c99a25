using BizSuite.Kernel;

namespace BizSuite.Insights;

public static class InsightsPermissions
{
    public const string View = "Insights.View";
    public const string Manage = "Insights.Manage";
}

/// <summary>The processes the suite measures; the API's <c>process</c> parameter takes these names.</summary>
public static class Processes
{
    public const string LeadToCash = "lead-to-cash";
    public const string ProcureToPay = "procure-to-pay";
    public const string RecruitToOnboard = "recruit-to-onboard";
    public const string Oa = "oa";

    public static readonly IReadOnlyList<string> All = [LeadToCash, ProcureToPay, RecruitToOnboard, Oa];
}

public static class InsightsErrors
{
    public const string UnknownKpi = "Insights:UnknownKpi";
    public const string UnknownProcess = "Insights:UnknownProcess";
    public const string InvalidPeriod = "Insights:InvalidPeriod";
    public const string InvalidRange = "Insights:InvalidRange";
    public const string InvalidTarget = "Insights:InvalidTarget";
    public const string OutOfRange = "Insights:OutOfRange";
}

/// <summary>
/// A KPI missed its target in a period (reported once per KPI and period): OA notifies the owner role, partners get the
/// webhook <c>insights.kpi.breached</c>. <paramref name="Direction"/> says whether the value should stay at or below
/// (<c>max</c>) or at or above (<c>min</c>) the target.
/// </summary>
public sealed record KpiBreached(Guid BreachId, string Key, string Process, string Unit, string Period, DateOnly PeriodStart, decimal Value, decimal Target,
    string Direction, string OwnerRole) : IDomainEvent;

public sealed record KpiPointDto(DateOnly PeriodStart, decimal? Value);

public sealed record KpiDto(string Key, string Process, string Unit, decimal? Value, decimal? Previous, decimal? Target, bool Breached,
    IReadOnlyList<KpiPointDto> Series, string Direction, int Count);

public sealed record SlowInstanceDto(string DocumentType, Guid DocumentId, string DocumentNumber, string Title, decimal Hours, string Link, DateTime EndedAt);

public sealed record FunnelStageDto(string Stage, int Count);

public sealed record ApprovalStepStatsDto(string DocumentType, string FlowName, int StepNumber, int Completed, decimal? AverageHours, decimal? P90Hours,
    int Waiting, decimal? OldestWaitingHours, string? TopApproverName, int TopApproverWaiting);

public sealed record CashForecastWeekDto(DateOnly WeekStart, decimal Amount, string Currency);

public sealed record KpiTargetDto(string Key, string Process, string Unit, string Direction, decimal? Target, string OwnerRole);

public sealed record SaveKpiTargetRequest(decimal? Target, string OwnerRole);

public sealed record RebuildResultDto(int Events, int Instances, long Milliseconds);
