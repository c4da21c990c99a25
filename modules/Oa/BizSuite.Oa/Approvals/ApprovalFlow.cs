using BizSuite.Kernel;

namespace BizSuite.Oa.Approvals;

/// <summary>
/// How a tenant approves one document type (审批流程): ordered steps, each with an approver rule, a mode (或签, 会签, 依次, N of M),
/// an optional condition and deadline; who gets copies (抄送); and where a request returned to its applicant resumes.
/// Approvals copy all of it when they start, so editing a flow never changes one in progress.
/// </summary>
[Audited]
internal sealed class ApprovalFlow : AggregateRoot, IMultiTenant
{
    private readonly List<FlowStep> _steps = [];
    private readonly List<FlowCc> _cc = [];

    public Guid? TenantId { get; private set; }
    public string DocumentType { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ResubmitFrom ResubmitFrom { get; private set; }
    public IReadOnlyList<FlowStep> Steps => _steps;
    public IReadOnlyList<FlowCc> Cc => _cc;

    private ApprovalFlow() { }

    public static ApprovalFlow Define(string documentType, string name, IEnumerable<FlowStep> steps, ResubmitFrom resubmitFrom = ResubmitFrom.ReturningStep,
        IEnumerable<FlowCc>? cc = null)
    {
        var flow = new ApprovalFlow { DocumentType = documentType };
        flow.Change(name, steps, resubmitFrom, cc ?? []);
        return flow;
    }

    public void Change(string name, IEnumerable<FlowStep> steps, ResubmitFrom resubmitFrom, IEnumerable<FlowCc> cc)
    {
        Name = name.Trim();
        ResubmitFrom = resubmitFrom;
        _steps.Clear();
        _steps.AddRange(steps.Select((step, index) => step.At(index + 1)));
        _cc.Clear();
        _cc.AddRange(cc);
    }
}

/// <summary>One step of a flow; the same shape is copied into each approval.</summary>
internal sealed class FlowStep
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public ApproverRule Rule { get; private set; }
    public string? RoleName { get; private set; }
    public Guid? UserId { get; private set; }
    public StepCondition Condition { get; private set; }
    public decimal? Threshold { get; private set; }
    public StepMode Mode { get; private set; }
    /// <summary>N of an N-of-M step; null for the other modes.</summary>
    public int? RequiredApprovals { get; private set; }
    /// <summary>Working hours (Mon–Fri) the step may wait before its timeout action; null: no deadline.</summary>
    public int? DeadlineHours { get; private set; }
    public StepTimeoutAction TimeoutAction { get; private set; }

    private FlowStep() { }

    public static FlowStep Create(ApproverRule rule, string? roleName, Guid? userId, StepCondition condition = StepCondition.Always, decimal? threshold = null,
        StepMode mode = StepMode.Any, int? requiredApprovals = null, int? deadlineHours = null, StepTimeoutAction timeoutAction = StepTimeoutAction.None) => new()
    {
        Rule = rule,
        RoleName = rule == ApproverRule.Role ? roleName?.Trim() : null,
        UserId = rule == ApproverRule.User ? userId : null,
        Condition = condition,
        Threshold = condition == StepCondition.Always ? null : threshold,
        Mode = mode,
        RequiredApprovals = mode == StepMode.Quorum ? requiredApprovals : null,
        DeadlineHours = deadlineHours,
        TimeoutAction = deadlineHours is null ? StepTimeoutAction.None : timeoutAction,
    };

    public FlowStep At(int number)
    {
        Number = number;
        return this;
    }
}

/// <summary>A CC rule of a flow (抄送): who gets a read-only copy, and when.</summary>
internal sealed class FlowCc
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public CcMoment Moment { get; private set; }
    /// <summary>For <see cref="CcMoment.Step"/>: the copy goes out when this step starts.</summary>
    public int? StepNumber { get; private set; }
    public ApproverRule Rule { get; private set; }
    public string? RoleName { get; private set; }
    public Guid? UserId { get; private set; }

    private FlowCc() { }

    public static FlowCc Create(CcMoment moment, int? stepNumber, ApproverRule rule, string? roleName, Guid? userId) => new()
    {
        Moment = moment,
        StepNumber = moment == CcMoment.Step ? stepNumber : null,
        Rule = rule,
        RoleName = rule == ApproverRule.Role ? roleName?.Trim() : null,
        UserId = rule == ApproverRule.User ? userId : null,
    };
}
